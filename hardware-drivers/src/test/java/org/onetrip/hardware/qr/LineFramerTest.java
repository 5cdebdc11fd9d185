package org.onetrip.hardware.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LineFramerTest {
    private static List<String> feed(LineFramer f, byte[] bytes, int piece) {
        List<String> out = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += piece) {
            out.addAll(f.feed(bytes, at, Math.min(piece, bytes.length - at)));
        }
        return out;
    }

    @Test
    void scans_are_cut_at_the_terminator_however_the_bytes_arrive() {
        LineFramer f = new LineFramer(new byte[]{'\r'}, StandardCharsets.UTF_8, 100);
        byte[] bytes = "ZW1:ABC\rhttps://a.cn\r\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("ZW1:ABC", "https://a.cn"), feed(f, bytes, 1));
    }

    @Test
    void a_two_byte_terminator_and_gbk_text() {
        Charset gbk = Charset.forName("GBK");
        LineFramer f = new LineFramer(new byte[]{'\r', '\n'}, gbk, 100);
        byte[] bytes = "长丰县\r\n第二\r\n".getBytes(gbk);
        assertEquals(List.of("长丰县", "第二"), feed(f, bytes, 3));
    }

    @Test
    void an_over_long_line_is_dropped_and_the_next_one_survives() {
        LineFramer f = new LineFramer(new byte[]{'\n'}, StandardCharsets.UTF_8, 10);
        byte[] bytes = ("x".repeat(50) + "\nok\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("ok"), feed(f, bytes, 7));
        assertEquals(1, f.overflows());
    }
}
