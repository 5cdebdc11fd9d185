package org.onetrip.kiosk.camera;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tests only: a Y4M video (YUV 4:2:0) of one still picture, for Chromium's
 * {@code --use-file-for-fake-video-capture}: the camera then "sees" that picture.
 */
public final class FakeCameraFile {
    private FakeCameraFile() {
    }

    /** Writes {@code frames} frames of {@code picture} (even width and height) at 10 frames a second. */
    public static Path write(BufferedImage picture, int frames, Path file) throws IOException {
        int w = picture.getWidth() & ~1;
        int h = picture.getHeight() & ~1;
        byte[] y = new byte[w * h];
        byte[] u = new byte[w * h / 4];
        byte[] v = new byte[w * h / 4];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int p = picture.getRGB(col, row);
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                y[row * w + col] = (byte) clamp((int) Math.round(0.299 * r + 0.587 * g + 0.114 * b));
                if (row % 2 == 0 && col % 2 == 0) {
                    int i = (row / 2) * (w / 2) + col / 2;
                    u[i] = (byte) clamp((int) Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b));
                    v[i] = (byte) clamp((int) Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b));
                }
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + w + " H" + h + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            for (int f = 0; f < frames; f++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(y);
                out.write(u);
                out.write(v);
            }
        }
        return file;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
