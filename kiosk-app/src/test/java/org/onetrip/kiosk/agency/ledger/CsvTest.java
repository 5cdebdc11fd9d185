package org.onetrip.kiosk.agency.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The ledger's CSV: a BOM for Excel, RFC 4180 quoting, and no cell Excel would run as a formula. */
class CsvTest {
    @Test
    void starts_with_a_utf8_bom_and_ends_rows_with_crlf() {
        byte[] csv = Csv.of(List.of(List.of("事项", "电话"), List.of("高龄津贴申领", "13912345678")));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        assertEquals("事项,电话\r\n高龄津贴申领,13912345678\r\n", new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted() {
        assertEquals("\"户口簿,身份证\"", Csv.field("户口簿,身份证"));
        assertEquals("\"他说\"\"请补正\"\"\"", Csv.field("他说\"请补正\""));
        assertEquals("\"第一行\n第二行\"", Csv.field("第一行\n第二行"));
    }

    @Test
    void a_cell_that_excel_would_run_as_a_formula_is_kept_as_text() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.field("=HYPERLINK(\"x\")"));
        assertEquals("'=1+2", Csv.field("=1+2"));
        assertEquals("'+86 139", Csv.field("+86 139"));
        assertEquals("'-1", Csv.field("-1"));
        assertEquals("", Csv.field(null));
    }
}
