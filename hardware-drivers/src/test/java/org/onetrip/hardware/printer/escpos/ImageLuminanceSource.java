package org.onetrip.hardware.printer.escpos;

import com.google.zxing.LuminanceSource;
import java.awt.image.BufferedImage;

/** ZXing luminance over a BufferedImage (zxing-javase is not a dependency). */
final class ImageLuminanceSource extends LuminanceSource {

    private final byte[] luminance;

    ImageLuminanceSource(BufferedImage image) {
        super(image.getWidth(), image.getHeight());
        luminance = new byte[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int gray = ((rgb >> 16 & 0xFF) + 2 * (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 4;
                luminance[y * image.getWidth() + x] = (byte) gray;
            }
        }
    }

    @Override
    public byte[] getRow(int y, byte[] row) {
        byte[] out = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
        System.arraycopy(luminance, y * getWidth(), out, 0, getWidth());
        return out;
    }

    @Override
    public byte[] getMatrix() {
        return luminance.clone();
    }
}
