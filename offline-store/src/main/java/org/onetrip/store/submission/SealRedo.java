package org.onetrip.store.submission;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.db.StoreException;

/**
 * A resident's seal as one record of the redo journal ({@code Database.inTransaction(kind, redo, work)}): the row as
 * stored (the body sealed under the data key, never in the clear), its attachment references, the instant and the
 * audit entry's detail — what {@link SubmissionStore} needs to write the same seal again after a power cut.
 */
record SealRedo(SubmissionStore.StoredSeal row, byte[] storedBody, List<AttachmentRef> attachments, Instant at,
                String auditDetail) {
    /** The redo journal's kind for a seal. */
    static final String KIND = "submission.sealed";
    private static final int VERSION = 1;

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(storedBody.length + 512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(row.id().getMostSignificantBits());
            out.writeLong(row.id().getLeastSignificantBits());
            out.writeUTF(row.taskCode());
            out.writeUTF(row.itemName());
            out.writeInt(row.itemVersion());
            out.writeUTF(row.applicantKey());
            out.writeUTF(row.applicantMask());
            out.writeUTF(row.sealedAt());
            out.writeBoolean(row.promisedBy() != null);
            if (row.promisedBy() != null) {
                out.writeUTF(row.promisedBy());
            }
            out.writeUTF(row.stillToBring());
            out.writeUTF(row.bodySm3());
            out.writeInt(storedBody.length);
            out.write(storedBody);
            out.writeShort(attachments.size());
            for (AttachmentRef a : attachments) {
                out.writeUTF(a.sha256());
                out.writeLong(a.size());
                out.writeUTF(a.mediaType());
            }
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
            out.writeUTF(auditDetail);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static SealRedo decode(byte[] record) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new StoreException("redo journal: a seal record of version " + version + ", this OneTrip reads "
                        + VERSION);
            }
            UUID id = new UUID(in.readLong(), in.readLong());
            String taskCode = in.readUTF();
            String itemName = in.readUTF();
            int itemVersion = in.readInt();
            String applicantKey = in.readUTF();
            String applicantMask = in.readUTF();
            String sealedAt = in.readUTF();
            String promisedBy = in.readBoolean() ? in.readUTF() : null;
            String stillToBring = in.readUTF();
            String bodySm3 = in.readUTF();
            int length = in.readInt();
            if (length < 0 || length > record.length) {
                throw new StoreException("redo journal: a seal record with a body of " + length + " bytes");
            }
            byte[] storedBody = in.readNBytes(length);
            int count = in.readUnsignedShort();
            List<AttachmentRef> attachments = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                attachments.add(new AttachmentRef(in.readUTF(), in.readLong(), in.readUTF()));
            }
            Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String auditDetail = in.readUTF();
            return new SealRedo(new SubmissionStore.StoredSeal(id, taskCode, itemName, itemVersion, applicantKey,
                    applicantMask, sealedAt, promisedBy, stillToBring, new byte[0], bodySm3), storedBody,
                    List.copyOf(attachments), at, auditDetail);
        } catch (IOException | RuntimeException e) {
            throw e instanceof StoreException s ? s
                    : new StoreException("redo journal: a seal record that cannot be read (" + e + ")", e);
        }
    }
}
