package org.onetrip.hardware.printer.escpos;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class ReceiptRoundTripTest {

    static final List<PrinterProfile> PROFILES = List.of(PrinterProfile.MM58, PrinterProfile.MM80);

    @ParameterizedTest
    @FieldSource("PROFILES")
    void the_printed_qr_scans_back_to_the_payload(PrinterProfile profile) throws Exception {
        EscPosRenderer.Rendered rendered = render(profile);

        assertEquals(List.of(SampleReceipt.QR_PAYLOAD), rendered.qrPayloads());
        EscPosRenderer.PrintedQr qr = rendered.qrCodes().get(0);
        assertEquals(SampleReceipt.QR_PAYLOAD, scan(rendered.image(), qr));
        assertEquals((profile.dotsPerLine() - qr.size()) / 2, qr.x(), "centred");
    }

    @ParameterizedTest
    @FieldSource("PROFILES")
    void the_printed_text_is_the_chinese_of_the_receipt(PrinterProfile profile) {
        EscPosRenderer.Rendered rendered = render(profile);
        String printed = String.join("\n", rendered.textLines());
        String unwrapped = printed.replaceAll("\\s+", "");

        assertEquals(profile.dotsPerLine(), rendered.image().getWidth());
        for (String expected : List.of("锦湖社区", "政务服务自助终端", "事项：城乡居民基本医疗保险参保登记",
                "提交时间：2025-06-18 09:42:17", "已提交，待同步", "扫码查询办理进度", "咨询投诉请拨打 12345")) {
            assertTrue(unwrapped.contains(expected.replace(" ", "")), expected + " in\n" + printed);
        }
        assertEquals(profile.cut() == PrinterProfile.CutMode.NONE ? 0 : 1, rendered.cuts());
    }

    @ParameterizedTest
    @FieldSource("PROFILES")
    void queue_tickets_and_authorisation_slips_are_the_same_model(PrinterProfile profile) {
        ReceiptDocument ticket = ReceiptDocument.builder().title("A023").text("社保医保 窗口 3")
                .row("前面还有", "4 人").emphasis("过号请重新取号").build();
        ReceiptDocument slip = ReceiptDocument.builder().title("代办委托书").row("委托人", "王*兰 340121********002X")
                .row("代办员", "李*国").row("事项", "城乡居民基本养老保险待遇领取").divider()
                .text("本人委托上述代办员代为办理该事项。").qr("ZW1:SLIP", "扫码核验").build();

        List<String> ticketLines = new EscPosRenderer(profile).render(new EscPosEncoder(profile).encode(ticket)).textLines();
        EscPosRenderer.Rendered slipPaper = new EscPosRenderer(profile).render(new EscPosEncoder(profile).encode(slip));

        assertEquals("A023", ticketLines.get(0));
        assertTrue(ticketLines.contains("前面还有：4 人"), ticketLines.toString());
        assertEquals(List.of("ZW1:SLIP"), slipPaper.qrPayloads());
        assertTrue(slipPaper.textLines().contains("代办员：李*国"), slipPaper.textLines().toString());
    }

    @Test
    void the_sample_receipt_is_written_as_png_for_a_look() throws Exception {
        EscPosRenderer.Rendered rendered = render(PrinterProfile.MM80);
        Path png = Path.of("target", "receipt-sample.png");

        Files.createDirectories(png.getParent());
        Files.write(png, EscPosRenderer.toPng(rendered.image()));

        assertTrue(Files.size(png) > 0);
        assertEquals(rendered.image().getHeight(), javax.imageio.ImageIO.read(png.toFile()).getHeight());
    }

    private static EscPosRenderer.Rendered render(PrinterProfile profile) {
        byte[] job = new EscPosEncoder(profile).encode(SampleReceipt.document());
        return new EscPosRenderer(profile).render(job);
    }

    /** Decodes the QR area of the paper, with a white quiet zone added around it. */
    private static String scan(BufferedImage paper, EscPosRenderer.PrintedQr qr) throws Exception {
        int quiet = 32;
        BufferedImage area = new BufferedImage(qr.size() + 2 * quiet, qr.size() + 2 * quiet, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = area.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, area.getWidth(), area.getHeight());
        g.drawImage(paper.getSubimage(qr.x(), qr.y(), qr.size(), qr.size()), quiet, quiet, null);
        g.dispose();
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new ImageLuminanceSource(area)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
    }
}
