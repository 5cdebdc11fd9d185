package org.onetrip.hardware.printer.escpos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;

/** Text survives encoder → printer bytes → renderer unchanged, for every GB2312 character and beyond. */
class Gb18030RoundTripTest {

    /** Every character of the GB2312 code range (rows 0xA1–0xF7, cells 0xA1–0xFE) as GB18030 maps it, in lines of 20. */
    static List<String> gb2312Lines() {
        Charset gb2312 = EscPosEncoder.GB18030;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int row = 0xA1; row <= 0xF7; row++) {
            for (int cell = 0xA1; cell <= 0xFE; cell++) {
                String decoded = new String(new byte[] {(byte) row, (byte) cell}, gb2312);
                if (decoded.codePointAt(0) == 0xFFFD || decoded.isBlank() || decoded.codePointAt(0) >= 0xE000
                        && decoded.codePointAt(0) <= 0xF8FF) { // unassigned cells map to the private use area
                    continue;
                }
                line.append(decoded);
                if (line.length() == 20) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
            }
        }
        lines.add(line.toString());
        return lines;
    }

    @Test
    void every_gb2312_character_prints_as_itself_on_a_gb2312_printer() {
        List<String> lines = gb2312Lines();
        ReceiptDocument.Builder doc = ReceiptDocument.builder();
        lines.forEach(doc::text);

        List<String> printed = render(PrinterProfile.MM80, doc.build());

        assertEquals(7000, lines.stream().mapToInt(String::length).sum(), 700, "about 7445 characters");
        assertEquals(lines, printed);
    }

    @Test
    void ascii_and_mixed_lines_round_trip_on_58mm() {
        List<String> lines = List.of("ID 340121********002X", "电话 13905510001", "12345 热线 hotline",
                "【注意】请携带户口簿原件；", "￥0.00 — 免费");
        ReceiptDocument.Builder doc = ReceiptDocument.builder();
        lines.forEach(doc::text);

        assertEquals(lines, render(PrinterProfile.MM58, doc.build()));
    }

    @Test
    void characters_beyond_gbk_round_trip_on_a_gb18030_printer() {
        PrinterProfile gb18030 = new PrinterProfile("80mm-gb18030", 576, 48, PrinterProfile.CutMode.NONE, true,
                PrinterProfile.ChineseFont.GB18030);
        List<String> lines = List.of("䶮㐀𠀾𪚥𫓧", "王𠀾兰 李䶮");
        ReceiptDocument.Builder doc = ReceiptDocument.builder();
        lines.forEach(doc::text);

        assertEquals(lines, render(gb18030, doc.build()));
    }

    private static List<String> render(PrinterProfile profile, ReceiptDocument document) {
        byte[] job = new EscPosEncoder(profile).encode(document);
        return new EscPosRenderer(profile).render(job).textLines();
    }
}
