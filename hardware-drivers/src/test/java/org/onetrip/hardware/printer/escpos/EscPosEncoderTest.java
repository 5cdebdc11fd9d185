package org.onetrip.hardware.printer.escpos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;

class EscPosEncoderTest {

    private static final int ESC = 0x1B;
    private static final int GS = 0x1D;
    private static final int FS = 0x1C;
    private static final byte[] QR_STORE_PREFIX = Bytes.of(GS, '(', 'k');

    private final EscPosEncoder mm58 = new EscPosEncoder(PrinterProfile.MM58);
    private final EscPosEncoder mm80 = new EscPosEncoder(PrinterProfile.MM80);

    @Test
    void a_job_starts_with_init_and_chinese_mode() {
        byte[] job = mm58.encode(ReceiptDocument.builder().text("x").build());

        assertArrayEquals(Bytes.of(ESC, '@', FS, '&'), Arrays.copyOf(job, 4));
    }

    @Test
    void a_title_is_centred_at_double_size_and_the_modes_are_reset_after_it() {
        byte[] job = mm80.encode(ReceiptDocument.builder().title("回执").text("正文").build());
        byte[] title = "回执".getBytes(EscPosEncoder.GB18030);

        int start = Bytes.indexOf(job, Bytes.concat(Bytes.of(ESC, 'a', 1, GS, '!', 0x11), title, Bytes.of('\n')));
        int reset = Bytes.indexOf(job, Bytes.of(GS, '!', 0x00, ESC, 'a', 0));
        int body = Bytes.indexOf(job, "正文".getBytes(EscPosEncoder.GB18030));

        assertTrue(start >= 0, "centred double-size title");
        assertTrue(start < reset && reset < body, "size and alignment reset before the next block");
    }

    @Test
    void chinese_text_is_encoded_as_gb18030() {
        byte[] job = mm58.encode(ReceiptDocument.builder().row("办件号", "1").build());

        assertTrue(Bytes.indexOf(job, Bytes.of(0xB0, 0xEC, 0xBC, 0xFE)) >= 0, "GB18030 of 办件");
    }

    @Test
    void native_qr_length_counts_utf8_bytes_not_chars() {
        String payload = "https://x.example/?q=锦湖社区";
        byte[] job = mm58.encode(ReceiptDocument.builder().qr(payload, "").build());

        int store = Bytes.indexOf(job, Bytes.of(0x31, 0x50, 0x30)) - 5;
        assertArrayEquals(QR_STORE_PREFIX, Arrays.copyOfRange(job, store, store + 3));
        int length = (job[store + 3] & 0xFF) | (job[store + 4] & 0xFF) << 8;

        assertEquals(payload.getBytes(StandardCharsets.UTF_8).length + 3, length);
        assertNotEquals(payload.length() + 3, length);
        assertEquals(payload, new String(job, store + 8, length - 3, StandardCharsets.UTF_8));
    }

    @Test
    void the_qr_sequence_is_the_one_in_the_domain_spec() {
        String payload = "ZW1:TEST";
        byte[] job = mm80.encode(ReceiptDocument.builder().qr(payload, "扫码").build());

        byte[] expected = Bytes.concat(
                Bytes.of(ESC, 'a', 1),
                Bytes.of(GS, '(', 'k', 4, 0, 0x31, 0x41, 0x32, 0x00),
                Bytes.of(GS, '(', 'k', 3, 0, 0x31, 0x43, 6),
                Bytes.of(GS, '(', 'k', 3, 0, 0x31, 0x45, 0x31),
                Bytes.of(GS, '(', 'k', payload.length() + 3, 0, 0x31, 0x50, 0x30),
                payload.getBytes(StandardCharsets.UTF_8),
                Bytes.of(GS, '(', 'k', 3, 0, 0x31, 0x51, 0x30),
                "扫码\n".getBytes(EscPosEncoder.GB18030),
                Bytes.of(ESC, 'a', 0));
        assertTrue(Bytes.indexOf(job, expected) >= 0, "model 2, size 6, EC M, store, print, caption");
    }

    @Test
    void a_qr_too_large_for_six_dot_modules_gets_smaller_modules_that_fit_the_paper() {
        String token = "ZW1:" + "6BFOXN*TS0BI$ZDFRH%".repeat(16); // 308 Base45 characters, §6
        byte[] job = mm58.encode(ReceiptDocument.builder().qr(token, "").build());

        int size = Bytes.indexOf(job, Bytes.of(GS, '(', 'k', 3, 0, 0x31, 0x43));
        int moduleSize = job[size + 7];
        EscPosRenderer.PrintedQr printed = new EscPosRenderer(PrinterProfile.MM58).render(job).qrCodes().get(0);

        assertTrue(moduleSize >= 4 && moduleSize < 6, "module size " + moduleSize);
        assertTrue(printed.size() <= PrinterProfile.MM58.dotsPerLine(), "symbol of " + printed.size() + " dots");
    }

    @Test
    void a_profile_without_native_qr_sends_the_qr_as_a_raster_image_not_as_gs_k() {
        PrinterProfile noQr = new PrinterProfile("cheap58", 384, 32, PrinterProfile.CutMode.NONE, false);
        byte[] job = new EscPosEncoder(noQr).encode(ReceiptDocument.builder().qr("payload", "").build());

        assertEquals(-1, Bytes.indexOf(job, QR_STORE_PREFIX), "no GS ( k");
        assertTrue(Bytes.indexOf(job, Bytes.of(GS, 'v', '0', 0)) >= 0, "GS v 0");
    }

    @Test
    void the_job_ends_with_a_feed_and_the_cut_of_the_profile() {
        ReceiptDocument document = ReceiptDocument.builder().text("x").build();
        PrinterProfile partial = new PrinterProfile("80mm-partial", 576, 48, PrinterProfile.CutMode.PARTIAL, true);

        assertTrue(endsWith(mm80.encode(document), Bytes.of(ESC, 'd', 4, GS, 'V', 0)));
        assertTrue(endsWith(new EscPosEncoder(partial).encode(document), Bytes.of(ESC, 'd', 4, GS, 'V', 1)));
        byte[] noCutter = mm58.encode(document);
        assertTrue(endsWith(noCutter, Bytes.of(ESC, 'd', 4)));
        assertEquals(-1, Bytes.indexOf(noCutter, Bytes.of(GS, 'V')));
    }

    @Test
    void a_long_key_value_wraps_within_the_width_under_its_value() {
        String value = "城乡居民基本医疗保险参保登记及缴费标准变更（含家庭成员）";
        byte[] job = mm58.encode(ReceiptDocument.builder().row("事项", value).build());

        List<String> lines = textLines(job);

        assertTrue(lines.size() > 1, lines.toString());
        assertTrue(lines.get(0).startsWith("事项："));
        for (String line : lines) {
            assertTrue(Columns.width(line) <= 32, line + " is " + Columns.width(line) + " columns");
        }
        assertTrue(lines.get(1).startsWith("      ") && !lines.get(1).startsWith("       "), "indented under the value");
        assertEquals(value, String.join("", lines).replace("事项：", "").replace(" ", ""));
    }

    @Test
    void a_divider_spans_the_full_width() {
        assertEquals(List.of("-".repeat(48)), textLines(mm80.encode(ReceiptDocument.builder().divider().build())));
    }

    @Test
    void a_notice_is_white_on_black_bold_and_double_size_in_a_few_bytes() {
        byte[] job = mm58.encode(ReceiptDocument.builder().notice("已提交，待同步").build());
        byte[] text = " 已提交，待同步 \n".getBytes(EscPosEncoder.GB18030);

        byte[] expected = Bytes.concat(Bytes.of(ESC, 'a', 1, GS, '!', 0x11, ESC, 'E', 1, GS, 'B', 1), text,
                Bytes.of(GS, 'B', 0, ESC, 'E', 0, GS, '!', 0x00, ESC, 'a', 0));
        assertTrue(Bytes.indexOf(job, expected) >= 0, "reverse, bold, double size, reset after");
        assertTrue(job.length < 60, job.length + " bytes");
    }

    @Test
    void a_notice_too_wide_for_double_width_prints_double_height_and_wraps() {
        String text = "网络恢复后终端将自动上报，无需再次提交";
        byte[] job = mm58.encode(ReceiptDocument.builder().notice(text).build());

        List<String> lines = textLines(job);
        assertTrue(Bytes.indexOf(job, Bytes.of(GS, '!', 0x01)) >= 0, "double height only");
        assertEquals(2, lines.size(), lines.toString());
        lines.forEach(line -> assertTrue(Columns.width(line) <= 32, line));
        assertEquals(text, String.join("", lines).replace(" ", ""));
    }

    @Test
    void control_characters_in_document_text_cannot_inject_printer_commands() {
        byte[] job = mm58.encode(ReceiptDocument.builder().text("姓名\u001Bp\u0000\u0019\u00FA").build());

        int lineEnd = Bytes.indexOf(job, Bytes.of('\n'));
        for (int i = 4; i < lineEnd; i++) {
            assertTrue((job[i] & 0xFF) >= 0x20, "control byte " + job[i] + " at " + i);
        }
        assertEquals(List.of("姓名 p  ú"), textLines(job));
    }

    @Test
    void a_title_whose_phrase_would_split_at_double_width_prints_double_height_only() {
        byte[] job = mm58.encode(ReceiptDocument.builder().title("长丰县水湖镇锦湖社区 政务服务自助终端").build());

        assertTrue(Bytes.indexOf(job, Bytes.of(ESC, 'a', 1, GS, '!', 0x01)) >= 0);
        assertEquals(List.of("长丰县水湖镇锦湖社区", "政务服务自助终端"), textLines(job));
    }

    private static boolean endsWith(byte[] job, byte[] tail) {
        return job.length >= tail.length
                && Arrays.equals(Arrays.copyOfRange(job, job.length - tail.length, job.length), tail);
    }

    /**
     * Text between LFs, with the commands the encoder emits around text removed: all take
     * one parameter byte except ESC 2.
     */
    private static List<String> textLines(byte[] job) {
        byte[] init = Bytes.of(ESC, '@', FS, '&');
        assertEquals(0, Bytes.indexOf(job, init));
        List<String> lines = new ArrayList<>();
        int start = init.length;
        for (int i = start; i < job.length; i++) {
            if (job[i] == ESC || job[i] == GS) {
                i += job[i] == ESC && job[i + 1] == '2' ? 1 : 2;
                start = i + 1;
            } else if (job[i] == '\n') {
                lines.add(new String(job, start, i - start, EscPosEncoder.GB18030));
                start = i + 1;
            }
        }
        return lines;
    }
}
