package org.onetrip.store.crypto;

import java.security.SecureRandom;
import java.util.Arrays;

/** The SM4 key residents' data is encrypted under: 16 random bytes, on disk only as wrapped by a {@link KeyWrapper}. */
public final class DataKey {
    private final byte[] key;
    private final Sm4Gcm.Keyed gcm;

    private DataKey(byte[] key) {
        if (key.length != Sm4Gcm.KEY_BYTES) {
            throw new DataKeyException("data key: " + key.length + " bytes, not " + Sm4Gcm.KEY_BYTES);
        }
        this.key = key.clone();
        this.gcm = new Sm4Gcm.Keyed(key);
    }

    public static DataKey generate(SecureRandom random) {
        byte[] key = new byte[Sm4Gcm.KEY_BYTES];
        random.nextBytes(key);
        return new DataKey(key);
    }

    public static DataKey unwrap(byte[] wrapped, KeyWrapper wrapper) {
        byte[] key = wrapper.unwrap(wrapped);
        try {
            return new DataKey(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    public byte[] wrapWith(KeyWrapper wrapper) {
        return wrapper.wrap(key);
    }

    Sm4Gcm.Keyed gcm() {
        return gcm;
    }

    @Override
    public String toString() {
        return "data-key[SM4]"; // never the bytes
    }
}
