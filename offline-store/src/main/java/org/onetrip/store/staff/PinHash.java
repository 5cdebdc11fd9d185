package org.onetrip.store.staff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.random.RandomGenerator;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A staff PIN as stored: PBKDF2-HMAC-SHA256 with a salt of its own and at least {@link #MIN_ITERATIONS}
 * iterations, written {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash in Base64). A six-digit PIN has
 * only a million values, so the slowness is what protects a stolen roster; the lockout protects the terminal.
 * {@code toString()} never shows the hash.
 */
public record PinHash(int iterations, byte[] salt, byte[] hash) {
    public static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's floor for PBKDF2-HMAC-SHA256 is higher; 100k is the floor this project accepts on a Pi. */
    public static final int MIN_ITERATIONS = 100_000;
    /** What the roster tool writes. */
    public static final int DEFAULT_ITERATIONS = 120_000;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    public PinHash {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PIN hash: " + iterations + " iterations, at least " + MIN_ITERATIONS
                    + " are required; re-issue the roster with 'onetrip-provision roster'");
        }
        if (salt.length < 8 || hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("PIN hash: salt or hash has the wrong length");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Hashes {@code pin} with a fresh salt from {@code random}. */
    public static PinHash of(String pin, int iterations, RandomGenerator random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PinHash(iterations, salt, derive(pin, salt, iterations));
    }

    /** Hashes {@code pin} with a fresh salt from a {@link SecureRandom}. */
    public static PinHash of(String pin) {
        return of(pin, DEFAULT_ITERATIONS, new SecureRandom());
    }

    /** Whether {@code pin} is the PIN this hash was made from (constant-time comparison). */
    public boolean matches(String pin) {
        return pin != null && MessageDigest.isEqual(hash, derive(pin, salt, iterations));
    }

    /** Parses {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}. */
    public static PinHash parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("PIN hash is not '" + SCHEME + "$ITERATIONS$SALT$HASH'");
        }
        try {
            return new PinHash(Integer.parseInt(parts[1]), Base64.getDecoder().decode(parts[2]),
                    Base64.getDecoder().decode(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PIN hash: iterations '" + parts[1] + "' is not a number");
        }
    }

    public String encoded() {
        return SCHEME + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PinHash p && p.iterations == iterations && MessageDigest.isEqual(p.salt, salt)
                && MessageDigest.isEqual(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "PinHash[" + SCHEME + ", " + iterations + " iterations]";
    }

    static byte[] derive(String pin, byte[] salt, int iterations) {
        char[] chars = new String(pin.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
