package org.onetrip.kiosk.scan;

import java.awt.image.BufferedImage;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;

/** A picture's luminance for ZXing (ZXing's own adapter lives in its javase module, which we do not ship). */
final class PictureLuminance {
    private PictureLuminance() {
    }

    static LuminanceSource of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] y = new byte[w * h];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int alpha = p >>> 24;
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            int lum = (306 * r + 601 * g + 117 * b) >> 10;
            // transparent pixels read as white, as on paper
            y[i] = (byte) (alpha == 0 ? 255 : lum);
        }
        return new PlanarYUVLuminanceSource(y, w, h, 0, 0, w, h, false);
    }
}
