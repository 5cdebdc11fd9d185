package org.onetrip.store.crypto;

/**
 * Wraps and unwraps the data key: the seam between the store and whatever guards the key-encryption key. Today a
 * key file readable only by the service user ({@link FileKeyWrapper}); a TPM (seal to PCRs) or a secure element
 * implements the same two calls, and the wrapped bytes it returns are what the database keeps.
 */
public interface KeyWrapper {
    /** A short name stored with the wrapped key ({@code file}, {@code tpm2}, …), so a mismatch is named at start. */
    String kind();

    /**
     * {@code dataKey} wrapped (encrypted and authenticated) under the key-encryption key, which this call may create
     * when there is none yet: it is called only for a new data key.
     */
    byte[] wrap(byte[] dataKey);

    /**
     * The data key inside {@code wrapped}. Never creates a key-encryption key: a missing or wrong one throws
     * {@link DataKeyException} naming what is missing and the fix.
     */
    byte[] unwrap(byte[] wrapped);
}
