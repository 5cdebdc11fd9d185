package org.onetrip.store.token;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;

import org.onetrip.store.uplink.Sm2;

/**
 * The 4-byte id of a signing key in a token's protected header: the first 4 bytes of SM3 of the
 * public key's DER (X.509 SubjectPublicKeyInfo). Shown as 8 hex digits.
 */
public record KeyId(byte[] bytes) {
    public static final int LENGTH = 4;

    public KeyId {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a key id has " + LENGTH + " bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    public static KeyId of(PublicKey key) {
        return new KeyId(Arrays.copyOf(Sm2.sm3(key.getEncoded()), LENGTH));
    }

    public static KeyId parse(String hex) {
        return new KeyId(HexFormat.of().parseHex(hex));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
