package org.onetrip.hardware.printer.escpos;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Draws what a thermal printer of a {@link PrinterProfile} would print for ESC/POS bytes: white
 * paper, black dots, {@link PrinterProfile#dotsPerLine()} wide and as long as the job (at most
 * 20000 dots).
 *
 * <p>Understands everything {@link EscPosEncoder} emits and the common text commands:
 * ESC @, FS &amp; / FS ., ESC a, ESC E, ESC !, GS !, GS B (white on black), ESC d, ESC J, ESC 2/3, LF, GS ( k (QR
 * functions 65/67/69/80/81), GS v 0 raster images and GS V (drawn as a dashed line); DLE EOT
 * and other known commands are consumed without effect. Text is GB18030 in Chinese mode,
 * code page 437 otherwise (a character outside the profile's Chinese font prints as {@code ？}), in 12 × 24 cells for single bytes and 24 × 24 for Chinese
 * characters, in the first installed of Noto Sans CJK SC, Noto Sans SC, WenQuanYi Zen Hei and
 * Droid Sans Fallback. Any input, however malformed, renders in one pass without throwing.
 *
 * <p>Thread-safe: each call renders on its own paper.
 */
public final class EscPosRenderer {

    private final PrinterProfile profile;

    public EscPosRenderer(PrinterProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    public Rendered render(byte[] escPos) {
        return new EscPosInterpreter(escPos, new Paper(profile.dotsPerLine()), profile).run();
    }

    /** The font family glyphs are drawn in (a logical font if no CJK family is installed). */
    public static String fontFamily() {
        return Paper.fontFamily();
    }

    public static byte[] toPng(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding of a receipt image failed", e);
        }
        return png.toByteArray();
    }

    /**
     * What came out of the printer.
     *
     * @param image      the paper, TYPE_BYTE_GRAY
     * @param textLines  each printed text line as decoded, trailing spaces removed
     * @param qrCodes    each QR symbol drawn, top to bottom
     * @param cuts       how many times the paper was cut
     */
    public record Rendered(BufferedImage image, List<String> textLines, List<PrintedQr> qrCodes,
                           int cuts) {
        public Rendered {
            textLines = List.copyOf(textLines);
            qrCodes = List.copyOf(qrCodes);
        }

        public List<String> qrPayloads() {
            return qrCodes.stream().map(PrintedQr::payload).toList();
        }
    }

    /**
     * A QR symbol on the paper: its data decoded as UTF-8 and its square area in dots
     * (without quiet zone).
     */
    public record PrintedQr(String payload, int x, int y, int size) {
    }
}
