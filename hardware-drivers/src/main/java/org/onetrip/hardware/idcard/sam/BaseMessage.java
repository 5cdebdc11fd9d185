package org.onetrip.hardware.idcard.sam;

import java.util.Arrays;

/**
 * The data of a 30 01 (text + photo) or 30 10 (text + photo + fingerprint) response (domain-spec §1.5): big-endian
 * length words, then the text block, the WLT photo and the fingerprint templates. The photo is kept raw: no
 * public decoder of WLT exists, only the vendors' licensed libraries.
 */
public record BaseMessage(byte[] text, byte[] wltPhoto, byte[] fingerprint) {
    public BaseMessage {
        text = text.clone();
        wltPhoto = wltPhoto.clone();
        fingerprint = fingerprint.clone();
    }

    public static BaseMessage parse(byte[] data, boolean withFingerprint) {
        int words = withFingerprint ? 3 : 2;
        if (data.length < 2 * words) {
            throw new SamFrameException(SamFrameException.Problem.TRUNCATED,
                    "read response of " + data.length + " bytes has no length words");
        }
        int textLen = u16(data, 0);
        int photoLen = u16(data, 2);
        int fpLen = withFingerprint ? u16(data, 4) : 0;
        int at = 2 * words;
        if ((long) at + textLen + photoLen + fpLen > data.length) {
            throw new SamFrameException(SamFrameException.Problem.TRUNCATED, "lengths " + textLen + "+" + photoLen
                    + "+" + fpLen + " exceed the " + (data.length - at) + " data bytes");
        }
        if (textLen < CardText.LENGTH) {
            throw new SamFrameException(SamFrameException.Problem.TRUNCATED, "text block of " + textLen + " bytes");
        }
        return new BaseMessage(Arrays.copyOfRange(data, at, at + textLen),
                Arrays.copyOfRange(data, at + textLen, at + textLen + photoLen),
                Arrays.copyOfRange(data, at + textLen + photoLen, at + textLen + photoLen + fpLen));
    }

    /** The data bytes of a read response carrying these parts (for emulators and tests). */
    public byte[] toData() {
        boolean fp = fingerprint.length > 0;
        int at = fp ? 6 : 4;
        byte[] d = new byte[at + text.length + wltPhoto.length + fingerprint.length];
        put16(d, 0, text.length);
        put16(d, 2, wltPhoto.length);
        if (fp) {
            put16(d, 4, fingerprint.length);
        }
        System.arraycopy(text, 0, d, at, text.length);
        System.arraycopy(wltPhoto, 0, d, at + text.length, wltPhoto.length);
        System.arraycopy(fingerprint, 0, d, at + text.length + wltPhoto.length, fingerprint.length);
        return d;
    }

    @Override
    public byte[] text() {
        return text.clone();
    }

    @Override
    public byte[] wltPhoto() {
        return wltPhoto.clone();
    }

    @Override
    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BaseMessage m && Arrays.equals(m.text, text) && Arrays.equals(m.wltPhoto, wltPhoto)
                && Arrays.equals(m.fingerprint, fingerprint);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(text) * 31 + Arrays.hashCode(wltPhoto);
    }

    @Override
    public String toString() {
        return "BaseMessage[text " + text.length + " B, photo " + wltPhoto.length + " B, fingerprint "
                + fingerprint.length + " B]";
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }
}
