package org.onetrip.hardware.printer.escpos;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onetrip.hardware.printer.escpos.EscPos.Align;
import org.onetrip.hardware.printer.escpos.EscPosRenderer.PrintedQr;
import org.onetrip.hardware.printer.escpos.EscPosRenderer.Rendered;

/**
 * The paper roll of {@link EscPosRenderer}: a line buffer of glyphs and an image that grows
 * downwards, capped at {@value #MAX_HEIGHT} dots. One instance per rendering.
 */
final class Paper {

    static final int MAX_HEIGHT = 20_000;
    static final int CELL_HEIGHT = PrinterProfile.FONT_A_HEIGHT;
    private static final int NARROW_CELL = PrinterProfile.FONT_A_WIDTH;
    private static final int WIDE_CELL = 2 * PrinterProfile.FONT_A_WIDTH;
    /** Baseline inside a 24-dot cell: CJK ideographs span about -0.12 .. 0.88 em. */
    private static final int BASELINE = 21;
    private static final int CUT_HEIGHT = 16;
    /** White below a QR symbol, like the spacing below a text line. */
    private static final int QR_GAP = 6;
    private static final List<String> FAMILIES = List.of(
            "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "Droid Sans Fallback");

    /** One character in the line buffer, with the print mode it was sent in. */
    record Glyph(String text, boolean wide, int widthScale, int heightScale, boolean bold, boolean reverse) {
        int width() {
            return (wide ? WIDE_CELL : NARROW_CELL) * widthScale;
        }
    }

    private final int width;
    private final Font font = new Font(FontFamily.NAME, Font.PLAIN, CELL_HEIGHT);
    private final List<Glyph> line = new ArrayList<>();
    private final List<String> textLines = new ArrayList<>();
    private final List<PrintedQr> qrCodes = new ArrayList<>();
    private BufferedImage image;
    private Graphics2D graphics;
    private int lineWidth;
    private int y;
    private int cuts;
    private boolean full;

    Paper(int width) {
        this.width = width;
        this.image = blank(width, 1024);
        this.graphics = graphics(image);
    }

    static String fontFamily() {
        return FontFamily.NAME;
    }

    /** Whether the paper reached {@value #MAX_HEIGHT} dots; nothing more is drawn. */
    boolean full() {
        return full;
    }

    /** Adds a glyph, printing the buffered line first if the glyph would not fit on it. */
    void add(Glyph glyph, Align align, int lineSpacing) {
        if (lineWidth + glyph.width() > width && !line.isEmpty()) {
            printLine(align, lineSpacing);
        }
        line.add(glyph);
        lineWidth += glyph.width();
    }

    /** ESC @ discards the line buffer. */
    void clearLine() {
        line.clear();
        lineWidth = 0;
    }

    /** LF: prints the buffered line, or feeds one empty line. */
    void lineFeed(Align align, int lineSpacing) {
        if (line.isEmpty()) {
            feed(lineSpacing);
        } else {
            printLine(align, lineSpacing);
        }
    }

    /** Prints the buffered line if there is one (before a QR code, raster image or cut). */
    void flush(Align align, int lineSpacing) {
        if (!line.isEmpty()) {
            printLine(align, lineSpacing);
        }
    }

    void feed(int dots) {
        if (reserve(dots)) {
            y += dots;
        }
    }

    void qr(byte[] data, int moduleSize, ErrorCorrectionLevel level, Align align) {
        String payload = new String(data, StandardCharsets.UTF_8);
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, level,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, 0));
        } catch (WriterException | IllegalArgumentException e) {
            return; // empty or oversized data: a printer prints no symbol either
        }
        int size = matrix.getWidth() * moduleSize;
        if (!reserve(size + QR_GAP)) {
            return;
        }
        int left = offset(align, size);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    graphics.fillRect(left + column * moduleSize, y + row * moduleSize,
                            moduleSize, moduleSize);
                }
            }
        }
        qrCodes.add(new PrintedQr(payload, left, y, size));
        y += size + QR_GAP;
    }

    /** GS v 0 data: rows of {@code widthBytes} bytes, most significant bit leftmost, 1 = black. */
    void raster(byte[] data, int offset, int widthBytes, int heightDots, Align align) {
        if (!reserve(heightDots)) {
            return;
        }
        int left = offset(align, widthBytes * 8);
        for (int row = 0; row < heightDots; row++) {
            for (int bit = 0; bit < widthBytes * 8; bit++) {
                int b = data[offset + row * widthBytes + bit / 8];
                if ((b & 0x80 >> (bit % 8)) != 0 && left + bit < width) {
                    image.getRaster().setSample(left + bit, y + row, 0, 0);
                }
            }
        }
        y += heightDots;
    }

    /** GS V: a dashed line where the knife cuts. */
    void cut() {
        if (!reserve(CUT_HEIGHT)) {
            return;
        }
        for (int x = 0; x < width; x += 24) {
            graphics.fillRect(x, y + CUT_HEIGHT / 2 - 1, 16, 3);
        }
        y += CUT_HEIGHT;
        cuts++;
    }

    /** The printed paper; a line still in the buffer is printed first, left aligned. */
    Rendered finish(int lineSpacing) {
        flush(Align.LEFT, lineSpacing);
        BufferedImage printed = blank(width, Math.max(1, y));
        Graphics2D copy = printed.createGraphics();
        copy.drawImage(image, 0, 0, null);
        copy.dispose();
        graphics.dispose();
        return new Rendered(printed, textLines, qrCodes, cuts);
    }

    private void printLine(Align align, int lineSpacing) {
        int height = line.stream().mapToInt(Glyph::heightScale).max().orElse(1) * CELL_HEIGHT;
        int pitch = Math.max(height, lineSpacing + height - CELL_HEIGHT);
        StringBuilder text = new StringBuilder();
        if (reserve(pitch)) {
            int x = offset(align, lineWidth);
            for (Glyph glyph : line) {
                draw(glyph, x, y + height - glyph.heightScale() * CELL_HEIGHT);
                x += glyph.width();
                text.append(glyph.text());
            }
            textLines.add(text.toString().stripTrailing());
            y += pitch;
        }
        clearLine();
    }

    /** Draws a glyph in its cell, squeezed horizontally if the font's glyph is wider. */
    private void draw(Glyph glyph, int x, int top) {
        int cell = glyph.wide() ? WIDE_CELL : NARROW_CELL;
        int advance = graphics.getFontMetrics(font).stringWidth(glyph.text());
        double squeeze = advance > cell ? (double) cell / advance : 1.0;
        double scaleX = glyph.widthScale() * squeeze;
        graphics.setFont(font.deriveFont(AffineTransform.getScaleInstance(scaleX, glyph.heightScale())));
        float left = (float) (x + (glyph.width() - advance * scaleX) / 2);
        float baseline = top + BASELINE * glyph.heightScale();
        if (glyph.reverse()) {
            graphics.fillRect(x, top, glyph.width(), CELL_HEIGHT * glyph.heightScale());
            graphics.setColor(Color.WHITE);
        }
        graphics.drawString(glyph.text(), left, baseline);
        if (glyph.bold()) {
            graphics.drawString(glyph.text(), left + 1, baseline);
        }
        graphics.setColor(Color.BLACK);
    }

    private int offset(Align align, int contentWidth) {
        int free = Math.max(0, width - contentWidth);
        return switch (align) {
            case LEFT -> 0;
            case CENTER -> free / 2;
            case RIGHT -> free;
        };
    }

    /** Makes room for {@code height} more dots below {@link #y}, or marks the paper full. */
    private boolean reserve(int height) {
        int needed = y + height;
        if (full || needed > MAX_HEIGHT) {
            full = true;
            return false;
        }
        if (needed > image.getHeight()) {
            BufferedImage bigger = blank(width, Math.min(MAX_HEIGHT, Math.max(needed, image.getHeight() * 2)));
            Graphics2D copy = bigger.createGraphics();
            copy.drawImage(image, 0, 0, null);
            copy.dispose();
            graphics.dispose();
            image = bigger;
            graphics = graphics(bigger);
        }
        return true;
    }

    private static BufferedImage blank(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        return g;
    }

    /** The first installed CJK family, looked up once. */
    private static final class FontFamily {
        static final String NAME = pick();

        private static String pick() {
            List<String> installed = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getAvailableFontFamilyNames(Locale.ENGLISH));
            return FAMILIES.stream().filter(installed::contains).findFirst().orElse(Font.SANS_SERIF);
        }
    }
}
