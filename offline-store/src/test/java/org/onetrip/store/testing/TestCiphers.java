package org.onetrip.store.testing;

import java.security.SecureRandom;

import org.onetrip.store.crypto.DataCipher;
import org.onetrip.store.crypto.DataKey;

/** A data cipher under a fresh random key, for tests of stores that need no database. */
public final class TestCiphers {
    private TestCiphers() {
    }

    public static DataCipher fresh() {
        SecureRandom random = new SecureRandom();
        return new DataCipher(DataKey.generate(random), random);
    }
}
