package org.onetrip.kiosk.scan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** Pictures of QR codes as a phone or a document camera would take them: placed, rotated, dim and noisy. */
public final class Pictures {
    private Pictures() {
    }

    public static BufferedImage photo(String text, int width, int height, double degrees, long seed) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
        int module = Math.max(2, Math.min(width, height) / 2 / m.getWidth());
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(150, 140, 120)); // a desk
        g.fillRect(0, 0, width, height);
        int side = m.getWidth() * module;
        AffineTransform t = new AffineTransform();
        t.translate(width / 2.0, height / 2.0);
        t.rotate(Math.toRadians(degrees));
        t.translate(-side / 2.0, -side / 2.0);
        g.setTransform(t);
        g.setColor(new Color(235, 232, 225)); // paper
        g.fillRect(0, 0, side, side);
        g.setColor(new Color(40, 40, 45));
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    g.fillRect(x * module, y * module, module, module);
                }
            }
        }
        g.dispose();
        SplittableRandom random = new SplittableRandom(seed);
        // sensor noise: every pixel a little off, as in a dim phone photo
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = img.getRGB(x, y);
                int n = (int) Math.round(random.nextDouble(-1, 1) * 24);
                int r = clamp(((p >> 16) & 0xFF) + n);
                int gr = clamp(((p >> 8) & 0xFF) + n);
                int b = clamp((p & 0xFF) + n);
                img.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    public static byte[] encode(BufferedImage img, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
