package org.onetrip.store.token;

import java.io.ByteArrayOutputStream;

/**
 * Base45 (RFC 9285): every 2 bytes become 3 characters of the QR alphanumeric set, a trailing
 * byte 2 characters, so a token prints as a compact alphanumeric-mode QR code.
 */
public final class Base45 {
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final int[] VALUE = new int[128];

    static {
        java.util.Arrays.fill(VALUE, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE[ALPHABET.charAt(i)] = i;
        }
    }

    private Base45() {
    }

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length + 1) / 2 * 3);
        for (int i = 0; i + 1 < data.length; i += 2) {
            int n = (data[i] & 0xFF) * 256 + (data[i + 1] & 0xFF);
            out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45)).append(ALPHABET.charAt(n / 2025));
        }
        if (data.length % 2 == 1) {
            int n = data[data.length - 1] & 0xFF;
            out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
        }
        return out.toString();
    }

    /**
     * @throws IllegalArgumentException for a character outside the alphabet, a length of 1 modulo 3, or a
     *                                  group whose value does not fit its bytes (RFC 9285 §4.2)
     */
    public static byte[] decode(String text) {
        if (text.length() % 3 == 1) {
            throw new IllegalArgumentException("Base45: a length of " + text.length() + " is not valid");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 3 * 2 + 1);
        for (int i = 0; i < text.length(); i += 3) {
            int c = value(text, i);
            int d = value(text, i + 1);
            if (i + 2 < text.length()) {
                int n = c + d * 45 + value(text, i + 2) * 2025;
                if (n > 0xFFFF) {
                    throw new IllegalArgumentException("Base45: group at " + i + " is too large");
                }
                out.write(n >> 8);
                out.write(n & 0xFF);
            } else {
                int n = c + d * 45;
                if (n > 0xFF) {
                    throw new IllegalArgumentException("Base45: last group is too large");
                }
                out.write(n);
            }
        }
        return out.toByteArray();
    }

    private static int value(String text, int index) {
        char ch = text.charAt(index);
        int v = ch < 128 ? VALUE[ch] : -1;
        if (v < 0) {
            throw new IllegalArgumentException("Base45: character at " + index + " is not in the alphabet");
        }
        return v;
    }
}
