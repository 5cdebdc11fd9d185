package org.onetrip.kiosk.scan;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Finds and decodes a QR code in a picture: a phone photo of a receipt or a document camera's frame. Large photos
 * are scaled down first (a phone's 12 MP photo decodes no better and far slower); if the local-contrast
 * binarizer finds nothing, the global one and the inverted image are tried.
 */
public final class ImageQrDecoder {
    /** Pictures larger than this are refused before decoding. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    /** The longer side is scaled down to this. */
    static final int MAX_SIDE = 1600;

    private static final Map<DecodeHintType, Object> HINTS = hints();

    /** The code's text, or empty when the picture holds no readable QR code or is not a picture. */
    public Optional<String> decode(byte[] picture) {
        if (picture == null || picture.length == 0 || picture.length > MAX_BYTES) {
            return Optional.empty();
        }
        BufferedImage image;
        try {
            image = read(picture);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return image == null ? Optional.empty() : decode(image);
    }

    /** Reads the picture, skipping rows and columns while decoding when it is far larger than we need. */
    private static BufferedImage read(byte[] picture) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(picture))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int side = Math.max(reader.getWidth(0), reader.getHeight(0));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, side / MAX_SIDE);
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    public Optional<String> decode(BufferedImage image) {
        BufferedImage scaled = scaleDown(image);
        LuminanceSource source = PictureLuminance.of(scaled);
        for (LuminanceSource s : List.of(source, source.invert())) {
            for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(s)),
                    new BinaryBitmap(new GlobalHistogramBinarizer(s)))) {
                try {
                    return Optional.of(new QRCodeReader().decode(bitmap, HINTS).getText());
                } catch (NotFoundException e) {
                    // try the next way of seeing the picture
                } catch (ReaderException e) {
                    // found but damaged: the next binarizer may see it whole
                }
            }
        }
        return Optional.empty();
    }

    private static BufferedImage scaleDown(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int side = Math.max(w, h);
        if (side <= MAX_SIDE) {
            return image;
        }
        double f = (double) MAX_SIDE / side;
        int sw = Math.max(1, (int) Math.round(w * f));
        int sh = Math.max(1, (int) Math.round(h * f));
        BufferedImage out = new BufferedImage(sw, sh, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, sw, sh, null);
        g.dispose();
        return out;
    }

    private static Map<DecodeHintType, Object> hints() {
        Map<DecodeHintType, Object> h = new EnumMap<>(DecodeHintType.class);
        h.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        h.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        h.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        return Map.copyOf(h);
    }
}
