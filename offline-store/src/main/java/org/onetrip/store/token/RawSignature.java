package org.onetrip.store.token;

import java.io.IOException;
import java.math.BigInteger;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 signatures as a token carries them, raw {@code r‖s} (32 + 32 bytes), converted from and to
 * the DER {@code SEQUENCE { r INTEGER, s INTEGER }} that {@code Sm2.sign} makes and
 * {@code Sm2.verify} takes.
 */
final class RawSignature {
    static final int LENGTH = 64;
    private static final int HALF = LENGTH / 2;

    private RawSignature() {
    }

    static byte[] fromDer(byte[] der) {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (sequence.size() != 2) {
                throw new IllegalArgumentException("an SM2 signature has 2 integers, not " + sequence.size());
            }
            byte[] raw = new byte[LENGTH];
            put(ASN1Integer.getInstance(sequence.getObjectAt(0)).getPositiveValue(), raw, 0);
            put(ASN1Integer.getInstance(sequence.getObjectAt(1)).getPositiveValue(), raw, HALF);
            return raw;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a DER signature", e);
        }
    }

    static byte[] toDer(byte[] raw) {
        if (raw.length != LENGTH) {
            throw new IllegalArgumentException("a raw SM2 signature has " + LENGTH + " bytes, not " + raw.length);
        }
        BigInteger r = BigIntegers.fromUnsignedByteArray(raw, 0, HALF);
        BigInteger s = BigIntegers.fromUnsignedByteArray(raw, HALF, HALF);
        try {
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }

    private static void put(BigInteger value, byte[] raw, int offset) {
        if (value.signum() <= 0 || value.bitLength() > HALF * 8) {
            throw new IllegalArgumentException("signature integer out of range");
        }
        byte[] bytes = BigIntegers.asUnsignedByteArray(HALF, value);
        System.arraycopy(bytes, 0, raw, offset, HALF);
    }
}
