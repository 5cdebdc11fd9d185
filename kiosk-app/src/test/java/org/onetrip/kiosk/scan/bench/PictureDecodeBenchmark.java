package org.onetrip.kiosk.scan.bench;

import java.util.Arrays;
import java.util.Optional;

import org.onetrip.kiosk.scan.ImageQrDecoder;
import org.onetrip.kiosk.scan.Pictures;

/**
 * How long finding a QR code in an uploaded picture takes: a document camera's 640x480 frame and a phone's
 * 4000x3000 JPEG, each rotated and noisy, from bytes to text.
 *
 * <p>{@code bench/run.sh kiosk-app org.onetrip.kiosk.scan.bench.PictureDecodeBenchmark}
 */
public final class PictureDecodeBenchmark {
    private PictureDecodeBenchmark() {
    }

    public static void main(String[] args) {
        run("document camera 640x480 PNG, rotated 8°", Pictures.encode(
                Pictures.photo("ONETRIP:STATUS:2f1d6c0e-5b1a-4f7e-9a55-0c4d1e2f3a4b", 640, 480, 8, 1), "png"), 200);
        run("phone photo 4000x3000 JPEG, rotated 17°", Pictures.encode(
                Pictures.photo("ONETRIP:STATUS:2f1d6c0e-5b1a-4f7e-9a55-0c4d1e2f3a4b", 4000, 3000, 17, 2), "jpg"), 30);
    }

    private static void run(String what, byte[] picture, int n) {
        ImageQrDecoder decoder = new ImageQrDecoder();
        for (int i = 0; i < n / 2; i++) {
            check(decoder.decode(picture));
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            check(decoder.decode(picture));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%s (%d KB): median %.1f ms, p90 %.1f ms (%d decodes)%n", what, picture.length / 1024,
                ms[n / 2], ms[(int) (n * 0.9)], n);
    }

    private static void check(Optional<String> text) {
        if (text.isEmpty()) {
            throw new IllegalStateException("the code was not found");
        }
    }
}
