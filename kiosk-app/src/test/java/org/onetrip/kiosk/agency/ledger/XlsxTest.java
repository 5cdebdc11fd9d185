package org.onetrip.kiosk.agency.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The ledger's XLSX: read back cell by cell, every cell text, nothing Excel would run as a formula. */
class XlsxTest {
    private static final List<List<String>> ROWS = List.of(
            List.of("事项", "申请人", "电话", "剩余天数", "提醒"),
            List.of("高龄津贴申领", "3401**********0205", "13912345678", "-3", "=HYPERLINK(\"http://x\",\"点我\")"),
            List.of("零星报销", "3401**********1234", "+86 139", "", "@SUM(1,2)"));

    @Test
    void every_row_and_cell_reads_back_as_the_same_text() throws Exception {
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(Xlsx.of("台账", ROWS)))) {
            assertEquals("台账", book.getFirstSheet().getName());
            List<Row> rows = book.getFirstSheet().read();
            assertEquals(ROWS.size(), rows.size());
            for (int r = 0; r < ROWS.size(); r++) {
                for (int c = 0; c < ROWS.get(r).size(); c++) {
                    String expected = ROWS.get(r).get(c);
                    if (expected.isEmpty()) {
                        continue;
                    }
                    assertEquals(expected, rows.get(r).getCellText(c), "row " + r + " column " + c);
                    assertEquals(CellType.STRING, rows.get(r).getCell(c).getType(), "row " + r + " column " + c);
                    assertEquals(null, rows.get(r).getCell(c).getFormula(), "no formula in row " + r);
                }
            }
        }
    }

    @Test
    void the_sheet_xml_holds_no_formula_element_and_the_header_row_is_frozen() throws Exception {
        String sheet = entry(Xlsx.of("台账", ROWS), "xl/worksheets/sheet1.xml");
        assertFalse(sheet.contains("<f>") || sheet.contains("<f "), sheet);
        assertTrue(sheet.contains("HYPERLINK"), "the text itself is kept");
        assertTrue(sheet.contains("ySplit=\"1\""), "the header row stays in view: " + sheet);
    }

    /** One entry of the XLSX (read from a file: its entries use data descriptors, which ZipInputStream refuses). */
    static String entry(byte[] zip, String name) throws Exception {
        Path file = Files.createTempFile("ledger", ".xlsx");
        try {
            Files.write(file, zip);
            try (ZipFile z = new ZipFile(file.toFile())) {
                ZipEntry e = z.getEntry(name);
                if (e == null) {
                    throw new AssertionError(name + " is not in the XLSX");
                }
                return new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(file);
        }
    }
}
