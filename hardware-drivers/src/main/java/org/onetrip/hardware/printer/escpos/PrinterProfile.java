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
 * @param nativeQr     whether the printer draws QR codes itself ({@code GS ( k})
 */
public record PrinterProfile(String name, int dotsPerLine, int charsPerLine, CutMode cut,
                             boolean nativeQr) {

    /** Dots per ASCII character of font A; a Chinese character is twice as wide. */
    static final int FONT_A_WIDTH = 12;
    /** Dots per character height of font A, ASCII and Chinese. */
    static final int FONT_A_HEIGHT = 24;

    /** Typical 58 mm printer: no cutter (common on cheap units), native QR. */
    public static final PrinterProfile MM58 = new PrinterProfile("58mm", 384, 32, CutMode.NONE, true);

    /** Typical 80 mm kiosk printer: full cut, native QR. */
    public static final PrinterProfile MM80 = new PrinterProfile("80mm", 576, 48, CutMode.FULL, true);

    public PrinterProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cut, "cut");
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

    /** How the paper is cut at the end of a job. */
    public enum CutMode {
        FULL, PARTIAL, NONE
    }
}
