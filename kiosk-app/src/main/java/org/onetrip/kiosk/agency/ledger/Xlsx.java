package org.onetrip.kiosk.agency.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One-sheet XLSX (fastexcel, a streaming writer): the first row bold and frozen, every cell a text cell. A text
 * cell is never evaluated, so a value such as {@code =HYPERLINK(...)} shows as typed (no formula element is ever
 * written) and, unlike the CSV, needs no leading apostrophe.
 */
public final class Xlsx {
    /** The media type of an XLSX file. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Xlsx() {
    }

    public static byte[] of(String sheetName, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "OneTrip", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            int widest = 0;
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                widest = Math.max(widest, row.size());
                for (int c = 0; c < row.size(); c++) {
                    String value = row.get(c);
                    sheet.inlineString(r, c, value == null ? "" : value);
                }
            }
            if (!rows.isEmpty()) {
                sheet.range(0, 0, 0, Math.max(0, widest - 1)).style().bold().set();
                sheet.freezePane(0, 1);
            }
            for (int c = 0; c < widest; c++) {
                sheet.width(c, 16);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("ledger: cannot write the XLSX in memory", e);
        }
        return out.toByteArray();
    }
}
