package org.onetrip.store.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
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

    /**
     * SM4-GCM under one fixed key, for many records: each thread makes the key schedule and GHASH tables once, not
     * once per record (the JCE path above redoes both on every call). BouncyCastle's lightweight API.
     */
    public static final class Keyed {
        private final byte[] key;
        private final ThreadLocal<GCMModeCipher[]> ciphers = ThreadLocal.withInitial(() -> new GCMModeCipher[2]);

        public Keyed(byte[] key) {
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("SM4 key: " + key.length + " bytes, not " + KEY_BYTES);
            }
            this.key = key.clone();
        }

        public byte[] encrypt(byte[] nonce, byte[] aad, byte[] in, int offset, int length) throws GeneralSecurityException {
            return run(true, nonce, aad, in, offset, length);
        }

        public byte[] decrypt(byte[] nonce, byte[] aad, byte[] in, int offset, int length) throws GeneralSecurityException {
            return run(false, nonce, aad, in, offset, length);
        }

        private byte[] run(boolean encrypt, byte[] nonce, byte[] aad, byte[] in, int offset, int length)
                throws GeneralSecurityException {
            GCMModeCipher[] mine = ciphers.get();
            int slot = encrypt ? 0 : 1;
            KeyParameter keyParameter = null;
            if (mine[slot] == null) {
                mine[slot] = GCMBlockCipher.newInstance(new SM4Engine());
                keyParameter = new KeyParameter(key); // once per thread; later inits keep the key's tables
            }
            GCMModeCipher gcm = mine[slot];
            try {
                gcm.init(encrypt, new AEADParameters(keyParameter, TAG_BYTES * 8, nonce, aad));
                byte[] out = new byte[gcm.getOutputSize(length)];
                int n = gcm.processBytes(in, offset, length, out, 0);
                n += gcm.doFinal(out, n);
                return n == out.length ? out : java.util.Arrays.copyOf(out, n);
            } catch (InvalidCipherTextException e) {
                throw new AEADBadTagException(e.getMessage());
            } catch (RuntimeException e) {
                mine[slot] = null; // a cipher left in an odd state is not reused
                throw new GeneralSecurityException("SM4-GCM: " + e.getMessage(), e);
            }
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("SM4/GCM/NoPadding", BC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4/GCM is missing from BouncyCastle", e);
        }
    }
}
