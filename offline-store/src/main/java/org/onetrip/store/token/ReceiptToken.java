package org.onetrip.store.token;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a receipt's QR code says (domain-spec §6, payload keys 1 to 11). It holds the masked
 * applicant only: a full ID number is refused at construction.
 *
 * @param version        payload version, {@value #VERSION}
 * @param type           what the paper is
 * @param submissionId   the local submission UUID (key 3)
 * @param projectNo      the provincial 办件编号, empty until synced (key 4)
 * @param taskCode       实施编码 (key 5)
 * @param areaCode       the 12-digit division code of the terminal (key 6)
 * @param terminalId     the issuing terminal (key 7)
 * @param issuedAt       when the token was signed, whole seconds (key 8)
 * @param status         the submission's status when issued, e.g. {@code SEALED} (key 9)
 * @param recordDigest   the first 16 bytes of SM3 of the sealed submission body (key 10)
 * @param applicantMask  the masked applicant, e.g. {@code 王*兰 340121********002X} (key 11)
 */
public record ReceiptToken(int version, Type type, UUID submissionId, Optional<String> projectNo, String taskCode,
                           String areaCode, String terminalId, Instant issuedAt, String status,
                           byte[] recordDigest, String applicantMask) {
    public static final int VERSION = 1;
    public static final int DIGEST_LENGTH = 16;
    /** 15 or more digits in a row (with a final X): a full ID number (18) or an old one (15). */
    private static final Pattern FULL_ID = Pattern.compile("\\d{14,17}[\\dXx]");

    public ReceiptToken {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(projectNo, "projectNo");
        Objects.requireNonNull(taskCode, "taskCode");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(applicantMask, "applicantMask");
        if (areaCode == null || !areaCode.matches("\\d{12}")) {
            throw new IllegalArgumentException("areaCode must be 12 digits");
        }
        if (recordDigest.length != DIGEST_LENGTH) {
            throw new IllegalArgumentException("recordDigest must be " + DIGEST_LENGTH + " bytes");
        }
        if (FULL_ID.matcher(applicantMask).find()) {
            throw new IllegalArgumentException("applicantMask holds a full ID number; mask it first");
        }
        issuedAt = Instant.ofEpochSecond(issuedAt.getEpochSecond());
        recordDigest = recordDigest.clone();
    }

    /** A 受理回执 (version {@value #VERSION}). */
    public static ReceiptToken receipt(UUID submissionId, Optional<String> projectNo, String taskCode, String areaCode,
                                       String terminalId, Instant issuedAt, String status, byte[] sealedBodySm3,
                                       String applicantMask) {
        return new ReceiptToken(VERSION, Type.RECEIPT, submissionId, projectNo, taskCode, areaCode, terminalId,
                issuedAt, status, Arrays.copyOf(sealedBodySm3, DIGEST_LENGTH), applicantMask);
    }

    @Override
    public byte[] recordDigest() {
        return recordDigest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceiptToken t && version == t.version && type == t.type
                && submissionId.equals(t.submissionId) && projectNo.equals(t.projectNo)
                && taskCode.equals(t.taskCode) && areaCode.equals(t.areaCode) && terminalId.equals(t.terminalId)
                && issuedAt.equals(t.issuedAt) && status.equals(t.status)
                && Arrays.equals(recordDigest, t.recordDigest) && applicantMask.equals(t.applicantMask);
    }

    @Override
    public int hashCode() {
        return Objects.hash(submissionId, issuedAt, status) * 31 + Arrays.hashCode(recordDigest);
    }

    /** Names the submission and the issuer only: no applicant, so it may be logged. */
    @Override
    public String toString() {
        return "ReceiptToken[" + type + " submission=" + submissionId + " terminal=" + terminalId + " issued="
                + issuedAt + " status=" + status + " digest=" + HexFormat.of().formatHex(recordDigest) + "]";
    }

    /** Key 2: what the paper is. */
    public enum Type {
        /** 受理回执 */
        RECEIPT(1),
        /** 补正通知 */
        CORRECTION(2),
        /** 办结通知 */
        DONE(3),
        /** 代办委托 */
        AUTHORISATION(4);

        private final int code;

        Type(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static Optional<Type> of(long code) {
            return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
        }
    }
}
