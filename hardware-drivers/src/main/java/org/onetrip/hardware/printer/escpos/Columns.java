package org.onetrip.hardware.printer.escpos;

import java.util.ArrayList;
import java.util.List;

/**
 * Line layout in printer columns. In Chinese mode (FS &) an ASCII byte prints in one 12-dot
 * cell and every multi-byte GB18030 code in a 24-dot cell, so a code point below U+0080 takes
 * one column and every other code point two.
 */
final class Columns {

    private Columns() {
    }

    static int width(int codePoint) {
        return codePoint < 0x80 ? 1 : 2;
    }

    static int width(String text) {
        return text.codePoints().map(Columns::width).sum();
    }

    /**
     * Splits {@code text} into lines of at most {@code columns} columns. {@code '\n'} forces a
     * break; a line that overflows breaks after its last space if it has one (so words and
     * space-separated phrases stay whole), otherwise at the column limit. A single character
     * wider than {@code columns} gets a line of its own.
     */
    static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text).split("\n", -1)) {
            wrapParagraph(paragraph, columns, lines);
        }
        return lines;
    }

    /**
     * {@code key：value} with continuation lines indented under the value; a key wider than
     * half the line gets no hanging indent.
     */
    static List<String> keyValue(String key, String value, int columns) {
        String label = printable(key).replace('\n', ' ') + "：";
        int indent = width(label);
        if (indent > columns / 2) {
            return wrap(label + value, columns);
        }
        List<String> body = wrap(value, columns - indent);
        List<String> lines = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            lines.add((i == 0 ? label : " ".repeat(indent)) + body.get(i));
        }
        return lines;
    }

    /** {@code text} centred in {@code columns} with spaces on both sides. */
    static String centre(String text, int columns) {
        int free = Math.max(0, columns - width(text));
        return " ".repeat(free / 2) + text + " ".repeat(free - free / 2);
    }

    /**
     * Replaces control characters other than {@code '\n'} by spaces, so that document text can
     * never inject printer commands.
     */
    static String printable(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> clean.appendCodePoint(
                cp != '\n' && Character.isISOControl(cp) ? ' ' : cp));
        return clean.toString();
    }

    private static void wrapParagraph(String text, int columns, List<String> out) {
        StringBuilder line = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (used + width(cp) > columns && !line.isEmpty()) {
                int space = line.lastIndexOf(" ");
                String carried = cp != ' ' && space > 0 ? line.substring(space + 1) : "";
                line.setLength(carried.isEmpty() ? line.length() : space);
                out.add(line.toString().stripTrailing());
                line.setLength(0);
                line.append(carried);
                used = width(carried);
                if (cp == ' ') {
                    continue;
                }
            }
            line.appendCodePoint(cp);
            used += width(cp);
        }
        out.add(line.toString().stripTrailing());
    }
}
