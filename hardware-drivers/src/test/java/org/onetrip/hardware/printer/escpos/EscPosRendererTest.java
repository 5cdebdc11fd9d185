package org.onetrip.hardware.printer.escpos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EscPosRendererTest {

    private static final int ESC = 0x1B;
    private static final int GS = 0x1D;
    private static final int FS = 0x1C;
    /** A guard against endless loops, not a speed goal. */
    private static final Duration HANG = Duration.ofSeconds(20);

    private final EscPosRenderer renderer = new EscPosRenderer(PrinterProfile.MM58);

    @Test
    void random_bytes_render_without_exception_within_the_height_cap() {
        Random random = new Random(20250618);
        assertTimeoutPreemptively(HANG, () -> {
            for (int run = 0; run < 100; run++) {
                byte[] noise = new byte[random.nextInt(4096)];
                random.nextBytes(noise);
                BufferedImage image = renderer.render(noise).image();
                assertEquals(384, image.getWidth());
                assertTrue(image.getHeight() <= Paper.MAX_HEIGHT);
            }
        });
    }

    @Test
    void every_truncation_of_a_real_job_renders_without_exception() {
        byte[] job = new EscPosEncoder(PrinterProfile.MM58).encode(SampleReceipt.document());
        assertTimeoutPreemptively(HANG, () -> {
            for (int length = 0; length <= job.length; length++) {
                renderer.render(Arrays.copyOf(job, length));
            }
        });
    }

    @Test
    void a_qr_store_with_a_huge_length_is_dropped_as_cut_off() {
        byte[] bytes = Bytes.of(GS, '(', 'k', 0xFF, 0xFF, 0x31, 0x50, 0x30, 'a', 'b',
                GS, '(', 'k', 3, 0, 0x31, 0x51, 0x30);

        EscPosRenderer.Rendered rendered = assertTimeoutPreemptively(HANG, () -> renderer.render(bytes));

        assertEquals(List.of(), rendered.qrCodes());
        assertEquals(List.of(), rendered.textLines());
    }

    @Test
    void endless_feeds_stop_at_the_height_cap() {
        byte[] feeds = new byte[3 * 10_000];
        for (int i = 0; i < feeds.length; i += 3) {
            feeds[i] = ESC;
            feeds[i + 1] = 'd';
            feeds[i + 2] = (byte) 255;
        }

        BufferedImage image = assertTimeoutPreemptively(HANG, () -> renderer.render(feeds).image());

        assertTrue(image.getHeight() <= Paper.MAX_HEIGHT && image.getHeight() > Paper.MAX_HEIGHT - 255 * 30);
    }

    @Test
    void unknown_commands_are_skipped_and_status_requests_print_nothing() {
        byte[] bytes = Bytes.concat(Bytes.of(ESC, 'Z', GS, 0x7E, FS, 'x', 0x10, 0x04, 4), "OK\n".getBytes());

        assertEquals(List.of("OK"), renderer.render(bytes).textLines());
    }

    @Test
    void gb18030_prints_as_chinese_only_in_chinese_mode() {
        byte[] ban = Bytes.of(0xB0, 0xEC, '\n');

        assertEquals(List.of("办"), renderer.render(Bytes.concat(Bytes.of(FS, '&'), ban)).textLines());
        assertEquals(List.of("░∞"), renderer.render(Bytes.concat(Bytes.of(FS, '&', FS, '.'), ban)).textLines());
    }

    @Test
    void text_wider_than_the_paper_wraps_like_a_printer() {
        byte[] bytes = ("x".repeat(40) + "\n").getBytes();

        assertEquals(List.of("x".repeat(32), "x".repeat(8)), renderer.render(bytes).textLines());
    }

    @Test
    void a_cut_is_drawn_as_a_dashed_line() {
        EscPosRenderer.Rendered rendered = renderer.render(Bytes.of('a', '\n', GS, 'V', 1));

        assertEquals(1, rendered.cuts());
        assertEquals(List.of("a"), rendered.textLines());
        int cutRow = rendered.image().getHeight() - 8;
        assertEquals(0, gray(rendered.image(), 0, cutRow), "dash");
        assertEquals(255, gray(rendered.image(), 20, cutRow), "gap");
    }

    @Test
    void a_raster_image_is_drawn_dot_for_dot() {
        byte[] bytes = Bytes.of(GS, 'v', '0', 0, 1, 0, 2, 0, 0b1010_0000, 0xFF);

        BufferedImage image = renderer.render(bytes).image();

        assertEquals(2, image.getHeight());
        assertEquals(List.of(0, 255, 0, 255), List.of(gray(image, 0, 0), gray(image, 1, 0), gray(image, 2, 0), gray(image, 3, 0)));
        assertEquals(0, gray(image, 7, 1));
        assertEquals(255, gray(image, 8, 1));
    }

    @Test
    void reverse_printing_is_white_on_black() {
        BufferedImage image = renderer.render(Bytes.of(GS, 'B', 1, 'A', '\n', GS, 'B', 0, 'A', '\n')).image();

        assertEquals(0, gray(image, 0, 0), "black cell corner while reversed");
        assertEquals(255, gray(image, 0, 30), "white cell corner after GS B 0");
    }

    @Test
    void double_size_text_is_twice_as_high() {
        BufferedImage normal = renderer.render(Bytes.of('A', '\n')).image();
        BufferedImage large = renderer.render(Bytes.of(GS, '!', 0x11, 'A', '\n')).image();

        assertEquals(30, normal.getHeight());
        assertEquals(54, large.getHeight());
    }

    @Test
    void the_png_is_a_png() {
        byte[] png = EscPosRenderer.toPng(renderer.render(Bytes.of('A', '\n')).image());

        assertArrayEquals(Bytes.of(0x89, 'P', 'N', 'G'), Arrays.copyOf(png, 4));
    }

    private static int gray(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }
}
