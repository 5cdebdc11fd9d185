package org.onetrip.hardware.printer.escpos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;

/** The GS v 0 fallbacks: QR codes on printers without native QR, and names with characters outside the font. */
class RasterFallbackTest {

    private static final int GS = 0x1D;
    /** A signed token's length and alphabet (Base45), as the receipts carry it. */
    static final String TOKEN = "ZW1:" + "6BFOXN*TS0BI$ZDFRH%-. /:".repeat(16);
    static final List<PrinterProfile> NO_NATIVE_QR = List.of(
            PrinterProfile.MM58.withNativeQr(false), PrinterProfile.MM80.withNativeQr(false));
    /** 䶮 (U+4DAE, CJK extension A) and 𠀾 (U+2003E, extension B): outside GB2312 and GBK. */
    static final String RARE_NAME = "王䶮𠀾";

    @ParameterizedTest
    @FieldSource("NO_NATIVE_QR")
    void a_raster_qr_scans_back_to_the_token(PrinterProfile profile) throws Exception {
        byte[] job = new EscPosEncoder(profile).encode(ReceiptDocument.builder()
                .text("回执").qr(TOKEN, "扫码查询办理进度").build());
        EscPosRenderer.Rendered rendered = new EscPosRenderer(profile).render(job);

        assertEquals(List.of(), rendered.qrCodes(), "no native symbol");
        assertEquals(TOKEN, scan(rendered.image()));
        assertTrue(rendered.textLines().contains("扫码查询办理进度"), rendered.textLines().toString());
    }

    @Test
    void a_raster_qr_carries_utf8_chinese_payloads() throws Exception {
        PrinterProfile profile = PrinterProfile.MM58.withNativeQr(false);
        String payload = "https://zwfw.example/bj?q=锦湖社区";

        byte[] job = new EscPosEncoder(profile).encode(ReceiptDocument.builder().qr(payload, "").build());

        assertEquals(payload, scan(new EscPosRenderer(profile).render(job).image()));
    }

    @Test
    void a_raster_qr_uses_four_dot_modules_centred_on_the_paper() {
        PrinterProfile profile = PrinterProfile.MM80.withNativeQr(false).withCut(PrinterProfile.CutMode.NONE);
        byte[] job = new EscPosEncoder(profile).encode(ReceiptDocument.builder().qr("ZW1:ABC", "").build());
        BufferedImage paper = new EscPosRenderer(profile).render(job).image();

        int[] box = blackBox(paper);
        int size = box[2] - box[0] + 1;
        assertEquals(21 * 4, size, "version 1, 21 modules of 4 dots");
        assertTrue(Math.abs((box[0] + box[2]) / 2 - 576 / 2) <= 4, "centred: " + box[0] + ".." + box[2]);
    }

    @Test
    void a_name_with_rare_characters_prints_as_an_image_on_a_gb2312_printer() {
        byte[] job = new EscPosEncoder(PrinterProfile.MM80).encode(ReceiptDocument.builder()
                .row("申请人", RARE_NAME).text("咨询投诉请拨打 12345").build());
        EscPosRenderer.Rendered rendered = new EscPosRenderer(PrinterProfile.MM80).render(job);

        assertEquals(-1, Bytes.indexOf(job, RARE_NAME.getBytes(EscPosEncoder.GB18030)), "not sent as text");
        assertTrue(Bytes.indexOf(job, Bytes.of(GS, 'v', '0', 0)) >= 0, "sent as GS v 0");
        assertEquals(List.of("咨询投诉请拨打 12345"), rendered.textLines(), "only the other line is text");
        int[] box = blackBox(rendered.image().getSubimage(0, 0, 576, 30));
        assertTrue(box[2] > 6 * 24 && box[2] <= 7 * 24, "the image line spans 申请人：王䶮𠀾 (7 cells), to " + box[2]);
    }

    @Test
    void the_image_line_looks_like_the_text_line_it_replaces() {
        String common = "申请人：王秀兰";
        BufferedImage asText = renderLine(PrinterProfile.MM58, common, false);
        BufferedImage asImage = renderLine(PrinterProfile.MM58, common, true);

        assertEquals(asText.getHeight(), asImage.getHeight(), "same line pitch");
        int[] text = blackBox(asText);
        int[] image = blackBox(asImage);
        assertTrue(Math.abs(text[0] - image[0]) <= 2 && Math.abs(text[2] - image[2]) <= 2,
                "same horizontal extent: " + text[0] + ".." + text[2] + " vs " + image[0] + ".." + image[2]);
    }

    @Test
    void without_the_fallback_a_gb2312_printer_would_print_substitutes() {
        byte[] raw = Bytes.concat(Bytes.of(0x1C, '&'), RARE_NAME.getBytes(EscPosEncoder.GB18030), Bytes.of('\n'));

        assertEquals(List.of("王？？"), new EscPosRenderer(PrinterProfile.MM58).render(raw).textLines());
    }

    @Test
    void a_gb18030_printer_gets_rare_characters_as_text_and_they_round_trip() {
        PrinterProfile gb18030 = new PrinterProfile("80mm-gb18030", 576, 48, PrinterProfile.CutMode.FULL, true,
                PrinterProfile.ChineseFont.GB18030);
        byte[] job = new EscPosEncoder(gb18030).encode(ReceiptDocument.builder().text(RARE_NAME).build());

        assertTrue(Bytes.indexOf(job, RARE_NAME.getBytes(EscPosEncoder.GB18030)) >= 0);
        assertEquals(-1, Bytes.indexOf(job, Bytes.of(GS, 'v', '0')));
        assertEquals(List.of(RARE_NAME), new EscPosRenderer(gb18030).render(job).textLines());
    }

    @Test
    void gbk_only_characters_fall_back_on_gb2312_but_not_on_gbk_printers() {
        String rongji = "朱镕基"; // 镕 is in GBK, not in GB2312
        PrinterProfile gbk = new PrinterProfile("58mm-gbk", 384, 32, PrinterProfile.CutMode.NONE, true,
                PrinterProfile.ChineseFont.GBK);

        assertFalse(PrinterProfile.MM58.canPrint("镕".codePointAt(0)));
        assertTrue(gbk.canPrint("镕".codePointAt(0)));
        assertEquals(List.of(rongji), new EscPosRenderer(gbk).render(
                new EscPosEncoder(gbk).encode(ReceiptDocument.builder().text(rongji).build())).textLines());
    }

    @Test
    void a_receipt_with_a_rare_name_and_a_raster_qr_is_written_as_png_for_a_look() throws Exception {
        PrinterProfile profile = PrinterProfile.MM58.withNativeQr(false);
        byte[] job = new EscPosEncoder(profile).encode(ReceiptDocument.builder().title("政务服务受理回执")
                .row("申请人", "王*𠀾 340121********002X").notice("已提交，待同步").qr(TOKEN, "扫码查询办理进度").build());
        Path png = Path.of("target", "receipt-raster-fallback.png");
        Files.createDirectories(png.getParent());
        Files.write(png, EscPosRenderer.toPng(new EscPosRenderer(profile).render(job).image()));

        assertTrue(Files.size(png) > 0);
    }

    private static BufferedImage renderLine(PrinterProfile profile, String line, boolean asImage) {
        byte[] bytes = asImage
                ? Raster.textLine(line, 1, 1, false, false, 30, EscPos.Align.LEFT, profile.dotsPerLine())
                : Bytes.concat(Bytes.of(0x1C, '&'), line.getBytes(EscPosEncoder.GB18030), Bytes.of('\n'));
        return new EscPosRenderer(profile).render(bytes).image();
    }

    /** {minX, minY, maxX, maxY} of the black dots. */
    static int[] blackBox(BufferedImage image) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }

    /** Decodes the one QR code on the paper, with a white quiet zone added around it. */
    static String scan(BufferedImage paper) throws Exception {
        int quiet = 32;
        BufferedImage area = new BufferedImage(paper.getWidth() + 2 * quiet, paper.getHeight() + 2 * quiet,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = area.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, area.getWidth(), area.getHeight());
        g.drawImage(paper, quiet, quiet, null);
        g.dispose();
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new ImageLuminanceSource(area)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8",
                DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
