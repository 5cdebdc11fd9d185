package org.onetrip.hardware.printer.escpos;

import java.nio.charset.StandardCharsets;

/**
 * The ESC/POS command bytes we send, in one place (domain-spec §5). Every method returns a
 * fresh array.
 */
final class EscPos {

    static final byte LF = 0x0A;
    static final byte ESC = 0x1B;
    static final byte FS = 0x1C;
    static final byte GS = 0x1D;
    static final byte DLE = 0x10;

    /** {@code cn} of {@code GS ( k} for QR codes. */
    static final int QR_CN = 49;
    static final int QR_FN_MODEL = 65;
    static final int QR_FN_MODULE_SIZE = 67;
    static final int QR_FN_ERROR_CORRECTION = 69;
    static final int QR_FN_STORE = 80;
    static final int QR_FN_PRINT = 81;
    static final int QR_MODEL_2 = 50;
    static final int QR_EC_M = 49;
    /** Bytes of {@code cn fn m} counted in pL/pH of the store function besides the data. */
    static final int QR_STORE_OVERHEAD = 3;

    enum Align {
        LEFT, CENTER, RIGHT
    }

    private EscPos() {
    }

    /** {@code ESC @}: clear the buffer and reset modes. */
    static byte[] init() {
        return new byte[] {ESC, '@'};
    }

    /** {@code FS &}: two-byte codes print as GB Chinese characters. */
    static byte[] chineseMode() {
        return new byte[] {FS, '&'};
    }

    static byte[] align(Align align) {
        return new byte[] {ESC, 'a', (byte) align.ordinal()};
    }

    /** {@code ESC E n}. */
    static byte[] bold(boolean on) {
        return new byte[] {ESC, 'E', (byte) (on ? 1 : 0)};
    }

    /** {@code GS B n}: white-on-black printing on or off. */
    static byte[] reverse(boolean on) {
        return new byte[] {GS, 'B', (byte) (on ? 1 : 0)};
    }

    /** {@code GS ! n}: width and height multipliers 1..8. */
    static byte[] size(int width, int height) {
        return new byte[] {GS, '!', (byte) ((width - 1) << 4 | (height - 1))};
    }

    /** {@code ESC 3 n}: line spacing of n dots. */
    static byte[] lineSpacing(int dots) {
        return new byte[] {ESC, '3', (byte) dots};
    }

    /** {@code ESC 2}: the printer's default line spacing. */
    static byte[] defaultLineSpacing() {
        return new byte[] {ESC, '2'};
    }

    /** {@code ESC d n}: print the buffer and feed n lines. */
    static byte[] feed(int lines) {
        return new byte[] {ESC, 'd', (byte) lines};
    }

    /** {@code GS V m}, or nothing for {@link PrinterProfile.CutMode#NONE}. */
    static byte[] cut(PrinterProfile.CutMode mode) {
        return switch (mode) {
            case FULL -> new byte[] {GS, 'V', 0};
            case PARTIAL -> new byte[] {GS, 'V', 1};
            case NONE -> new byte[0];
        };
    }

    static byte[] qrModel2() {
        return qr(QR_FN_MODEL, QR_MODEL_2, 0);
    }

    static byte[] qrModuleSize(int dots) {
        return qr(QR_FN_MODULE_SIZE, dots);
    }

    static byte[] qrErrorCorrectionM() {
        return qr(QR_FN_ERROR_CORRECTION, QR_EC_M);
    }

    /**
     * Function 80, store {@code payload} as UTF-8. pL/pH count the encoded bytes plus
     * {@code cn fn m}: byte length, not {@code String.length()}.
     */
    static byte[] qrStore(String payload) {
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        int length = data.length + QR_STORE_OVERHEAD;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("QR payload of " + data.length + " bytes is too long");
        }
        byte[] command = new byte[5 + length];
        command[0] = GS;
        command[1] = '(';
        command[2] = 'k';
        command[3] = (byte) length;
        command[4] = (byte) (length >> 8);
        command[5] = QR_CN;
        command[6] = QR_FN_STORE;
        command[7] = '0';
        System.arraycopy(data, 0, command, 8, data.length);
        return command;
    }

    static byte[] qrPrint() {
        return qr(QR_FN_PRINT, '0');
    }

    /** {@code GS ( k pL pH cn fn params}. */
    private static byte[] qr(int fn, int... params) {
        int length = 2 + params.length;
        byte[] command = new byte[5 + length];
        command[0] = GS;
        command[1] = '(';
        command[2] = 'k';
        command[3] = (byte) length;
        command[4] = 0;
        command[5] = QR_CN;
        command[6] = (byte) fn;
        for (int i = 0; i < params.length; i++) {
            command[7 + i] = (byte) params[i];
        }
        return command;
    }
}
