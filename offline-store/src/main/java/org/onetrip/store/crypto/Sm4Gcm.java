package org.onetrip.store.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SM4 in GCM mode (BouncyCastle) with a 128-bit tag: the one place the store builds an SM4-GCM cipher, for the
 * data at rest and for courier bundles. A wrong key, nonce, associated data or a changed byte fails the tag.
 */
public final class Sm4Gcm {
    public static final int KEY_BYTES = 16;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    private static final Provider BC = new BouncyCastleProvider();
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(Sm4Gcm::newCipher);

    private Sm4Gcm() {
    }

    /** {@code plain} encrypted and authenticated (ciphertext ‖ tag), {@code aad} authenticated too (may be null). */
    public static byte[] encrypt(byte[] key, byte[] nonce, byte[] aad, byte[] plain) throws GeneralSecurityException {
        return run(Cipher.ENCRYPT_MODE, key, nonce, aad, plain, 0, plain.length);
    }

    /** The plaintext of {@code sealed} (ciphertext ‖ tag); a tag that does not verify throws. */
    public static byte[] decrypt(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) throws GeneralSecurityException {
        return run(Cipher.DECRYPT_MODE, key, nonce, aad, sealed, 0, sealed.length);
    }

    /** As {@link #decrypt(byte[], byte[], byte[], byte[])} on a slice of {@code sealed}. */
    public static byte[] decrypt(byte[] key, byte[] nonce, byte[] aad, byte[] sealed, int offset, int length)
            throws GeneralSecurityException {
        return run(Cipher.DECRYPT_MODE, key, nonce, aad, sealed, offset, length);
    }

    /** As {@link #encrypt(byte[], byte[], byte[], byte[])} on a slice of {@code plain}. */
    public static byte[] encrypt(byte[] key, byte[] nonce, byte[] aad, byte[] plain, int offset, int length)
            throws GeneralSecurityException {
        return run(Cipher.ENCRYPT_MODE, key, nonce, aad, plain, offset, length);
    }

    private static byte[] run(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] in, int offset, int length)
            throws GeneralSecurityException {
        Cipher sm4 = CIPHERS.get();
        sm4.init(mode, new SecretKeySpec(key, "SM4"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        if (aad != null) {
            sm4.updateAAD(aad);
        }
        return sm4.doFinal(in, offset, length);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("SM4/GCM/NoPadding", BC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4/GCM is missing from BouncyCastle", e);
        }
    }
}
