package org.onetrip.kiosk.camera.bench;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.onetrip.kiosk.scan.ImageQrDecoder;
import org.onetrip.kiosk.scan.Pictures;
import org.onetrip.kiosk.voice.EspeakSpeech;

/**
 * Server time per camera frame on the 扫码 screen (each frame is decoded inside the page's session lock, so this
 * is also how long the page waits): an 800x450 JPEG frame as the browser sends it, with a receipt's QR code
 * (a 204-character Base45 token, as the receipts print) and without any code (the usual frame while a resident positions the receipt). Also how
 * long espeak-ng takes to render one prompt (off the UI thread; cached after the first time).
 *
 * <p>{@code bench/run.sh kiosk-app org.onetrip.kiosk.camera.bench.CameraFrameBenchmark}
 */
public final class CameraFrameBenchmark {
    private CameraFrameBenchmark() {
    }

    public static void main(String[] args) {
        String token = "OT1:" + "0A1B2C3D4E5F6G7H8I9J".repeat(10); // Base45, as receipt tokens are
        BufferedImage withCode = Pictures.photo(token, 800, 450, 3, 3);
        BufferedImage noCode = Pictures.photo("x", 800, 450, 0, 4);
        // paint over the code: a desk and a blank page
        var g = noCode.createGraphics();
        g.setColor(new java.awt.Color(235, 232, 225));
        g.fillRect(200, 50, 400, 350);
        g.dispose();
        ImageQrDecoder decoder = new ImageQrDecoder();
        byte[] frame = Pictures.encode(withCode, "jpg");
        byte[] empty = Pictures.encode(noCode, "jpg");
        if (decoder.decode(frame).isEmpty() || decoder.decode(empty).isPresent()) {
            throw new IllegalStateException("the frames are not what this benchmark says");
        }
        time("camera frame 800x450 JPEG with a receipt QR", frame.length, () -> decoder.decode(frame), 200);
        time("camera frame 800x450 JPEG without a code", empty.length, () -> decoder.decode(empty), 200);
        EspeakSpeech.installed(java.time.Duration.ofSeconds(10)).ifPresentOrElse(espeak ->
                time("espeak-ng prompt (请把回执二维码对准下面的扫码口), render to WAV", 0,
                        () -> espeak.wav("请把回执二维码对准下面的扫码口", Locale.SIMPLIFIED_CHINESE), 20),
                () -> System.out.println("espeak-ng not installed: prompt rendering not measured"));
    }

    private static void time(String what, int bytes, Supplier<Optional<?>> work, int n) {
        for (int i = 0; i < n / 4; i++) {
            work.get();
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%s (%d KB): median %.1f ms, p95 %.1f ms (%d runs)%n", what, bytes / 1024, ms[n / 2],
                ms[(int) (n * 0.95)], n);
    }
}
