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
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.onetrip.hardware.printer.escpos.EscPos.Align;

/**
 * Raster fallbacks sent as {@code GS v 0}: a text line the printer's font cannot print, drawn in
 * the printer's own cell grid, and a QR symbol for printers without native QR. Images are
 * 1 bit per dot, MSB leftmost, 1 = black; centring is drawn into the image (white dots on the
 * left), because not every printer applies {@code ESC a} to raster images. Images are sent in
 * bands of at most {@value #BAND_ROWS} rows, which small printer buffers accept.
 */
final class Raster {

    static final int BAND_ROWS = 128;
    /** Dots per QR module in a raster QR: the domain-spec minimum for 203 dpi scanning, and the cheapest. */
    static final int QR_MODULE_DOTS = 4;
    private static final int NARROW_CELL = PrinterProfile.FONT_A_WIDTH;
    private static final int WIDE_CELL = 2 * PrinterProfile.FONT_A_WIDTH;
    private static final int BASELINE = 21;

    private Raster() {
    }

    /**
     * A text line as the printer would print it in its own font, {@code pitch} dots high (the
     * characters at the bottom of {@code 24 × heightScale} dots, then the line spacing).
     */
    static byte[] textLine(String line, int widthScale, int heightScale, boolean bold, boolean reverse, int pitch,
                           Align align, int paperDots) {
        int contentWidth = Columns.width(line) * NARROW_CELL * widthScale;
        int left = align == Align.CENTER ? Math.max(0, (paperDots - contentWidth) / 2) : 0;
        int width = Math.min(paperDots, Math.max(8, left + contentWidth));
        int height = Math.max(pitch, PrinterProfile.FONT_A_HEIGHT * heightScale);
        BufferedImage image = blank(width, height);
        Graphics2D g = graphics(image);
        if (reverse) {
            g.fillRect(left, 0, contentWidth, PrinterProfile.FONT_A_HEIGHT * heightScale);
            g.setColor(Color.WHITE);
        }
        Font font = new Font(Paper.fontFamily(), Font.PLAIN, PrinterProfile.FONT_A_HEIGHT);
        int x = left;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            String glyph = Character.toString(cp);
            int cell = (Columns.width(cp) == 1 ? NARROW_CELL : WIDE_CELL) * widthScale;
            int advance = g.getFontMetrics(font).stringWidth(glyph);
            double squeeze = advance * widthScale > cell ? (double) cell / (advance * widthScale) : 1.0;
            double scaleX = widthScale * squeeze;
            g.setFont(font.deriveFont(AffineTransform.getScaleInstance(scaleX, heightScale)));
            float drawLeft = (float) (x + (cell - advance * scaleX) / 2);
            float baseline = BASELINE * heightScale;
            g.drawString(glyph, drawLeft, baseline);
            if (bold) {
                g.drawString(glyph, drawLeft + 1, baseline);
            }
            x += cell;
        }
        g.dispose();
        return gsV0(image);
    }

    /**
     * A QR symbol (model 2, EC level M, UTF-8, no quiet zone: the paper around it is white) at
     * {@value #QR_MODULE_DOTS} dots per module, or smaller if it would not fit, centred.
     *
     * @throws IllegalArgumentException if the payload does not fit a QR code at level M
     */
    static byte[] qr(String payload, int paperDots) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR payload does not fit a QR code at EC level M", e);
        }
        int module = Math.max(1, Math.min(QR_MODULE_DOTS, paperDots / matrix.getWidth()));
        int size = matrix.getWidth() * module;
        int left = Math.max(0, (paperDots - size) / 2);
        BufferedImage image = blank(left + size, size);
        Graphics2D g = graphics(image);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    g.fillRect(left + column * module, row * module, module, module);
                }
            }
        }
        g.dispose();
        return gsV0(image);
    }

    /** {@code GS v 0 0 xL xH yL yH d…} in bands of a TYPE_BYTE_GRAY image; a dot is black below half grey. */
    static byte[] gsV0(BufferedImage image) {
        int widthBytes = (image.getWidth() + 7) / 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream(widthBytes * image.getHeight() + 16);
        for (int top = 0; top < image.getHeight(); top += BAND_ROWS) {
            int rows = Math.min(BAND_ROWS, image.getHeight() - top);
            out.writeBytes(new byte[] {EscPos.GS, 'v', '0', 0,
                    (byte) widthBytes, (byte) (widthBytes >> 8), (byte) rows, (byte) (rows >> 8)});
            for (int y = top; y < top + rows; y++) {
                for (int xByte = 0; xByte < widthBytes; xByte++) {
                    int bits = 0;
                    for (int bit = 0; bit < 8; bit++) {
                        int x = xByte * 8 + bit;
                        if (x < image.getWidth() && image.getRaster().getSample(x, y, 0) < 128) {
                            bits |= 0x80 >> bit;
                        }
                    }
                    out.write(bits);
                }
            }
        }
        return out.toByteArray();
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
}
