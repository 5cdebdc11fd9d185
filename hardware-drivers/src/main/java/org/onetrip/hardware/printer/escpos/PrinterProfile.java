package org.onetrip.hardware.printer.escpos;

import java.util.Objects;

/**
 * What one printer model can do.
 *
 * @param name         for messages and logs, e.g. {@code "58mm"}
 * @param dotsPerLine  printable width in dots (203 dpi: 384 for 58 mm, 576 for 80 mm)
 * @param charsPerLine ASCII characters of font A (12 × 24 dots) per line; a Chinese character
 *                     takes two
 * @param cut          the cutter, or {@link CutMode#NONE} for a tear bar
 * @param nativeQr     whether the printer draws QR codes itself ({@code GS ( k}); if not, QR codes
 *                     are sent as raster images
 * @param font         which Chinese characters the printer's own font has; a line with any other
 *                     character is sent as a raster image
 */
public record PrinterProfile(String name, int dotsPerLine, int charsPerLine, CutMode cut,
                             boolean nativeQr, ChineseFont font) {

    /** Dots per ASCII character of font A; a Chinese character is twice as wide. */
    static final int FONT_A_WIDTH = 12;
    /** Dots per character height of font A, ASCII and Chinese. */
    static final int FONT_A_HEIGHT = 24;

    /** Typical 58 mm printer: no cutter (common on cheap units), native QR, GB2312 font. */
    public static final PrinterProfile MM58 = new PrinterProfile("58mm", 384, 32, CutMode.NONE, true);

    /** Typical 80 mm kiosk printer: full cut, native QR, GB2312 font. */
    public static final PrinterProfile MM80 = new PrinterProfile("80mm", 576, 48, CutMode.FULL, true);

    public PrinterProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cut, "cut");
        Objects.requireNonNull(font, "font");
        if (dotsPerLine <= 0 || charsPerLine <= 0) {
            throw new IllegalArgumentException("printer profile " + name
                    + ": dotsPerLine and charsPerLine must be positive");
        }
        if (charsPerLine * FONT_A_WIDTH > dotsPerLine) {
            throw new IllegalArgumentException("printer profile " + name + ": " + charsPerLine
                    + " characters of " + FONT_A_WIDTH + " dots do not fit in " + dotsPerLine
                    + " dots; lower charsPerLine");
        }
    }

    /** A printer with the GB2312 font the SPRT/HPRT manuals document (domain-spec §5). */
    public PrinterProfile(String name, int dotsPerLine, int charsPerLine, CutMode cut, boolean nativeQr) {
        this(name, dotsPerLine, charsPerLine, cut, nativeQr, ChineseFont.GB2312);
    }

    public PrinterProfile withNativeQr(boolean nativeQr) {
        return new PrinterProfile(name, dotsPerLine, charsPerLine, cut, nativeQr, font);
    }

    public PrinterProfile withCut(CutMode cut) {
        return new PrinterProfile(name, dotsPerLine, charsPerLine, cut, nativeQr, font);
    }

    /** Whether the printer's own font prints {@code codePoint} (in Chinese mode, GB18030 bytes). */
    public boolean canPrint(int codePoint) {
        return codePoint < 0x80 || font.has(codePoint);
    }

    /** How the paper is cut at the end of a job. */
    public enum CutMode {
        FULL, PARTIAL, NONE
    }

    /**
     * The printer's built-in Chinese character set. Cheap printers document GB2312 (6763 hanzi);
     * rare characters in names (生僻字) are outside it, often outside GBK too. Jobs are sent as
     * GB18030, so a character is in the font when its GB18030 bytes fall in the font's code range.
     */
    public enum ChineseFont {
        /** Two bytes, rows 0xA1–0xF7, cells 0xA1–0xFE. */
        GB2312,
        /** Two bytes, lead 0x81–0xFE, trail 0x40–0xFE. */
        GBK,
        /** Every code point, including the four-byte codes. */
        GB18030;

        boolean has(int codePoint) {
            if (!Character.isValidCodePoint(codePoint) || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return false;
            }
            byte[] bytes = Character.toString(codePoint).getBytes(EscPosEncoder.GB18030);
            if (this == GB18030) {
                return true;
            }
            if (bytes.length != 2) {
                return false;
            }
            int lead = bytes[0] & 0xFF;
            int trail = bytes[1] & 0xFF;
            return this == GB2312
                    ? lead >= 0xA1 && lead <= 0xF7 && trail >= 0xA1 && trail <= 0xFE
                    : lead >= 0x81 && lead <= 0xFE && trail >= 0x40 && trail <= 0xFE && trail != 0x7F;
        }
    }
}
