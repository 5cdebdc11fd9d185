package org.onetrip.hardware.printer.escpos;

import static org.onetrip.hardware.printer.escpos.EscPos.DLE;
import static org.onetrip.hardware.printer.escpos.EscPos.ESC;
import static org.onetrip.hardware.printer.escpos.EscPos.FS;
import static org.onetrip.hardware.printer.escpos.EscPos.GS;
import static org.onetrip.hardware.printer.escpos.EscPos.LF;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.onetrip.hardware.printer.escpos.EscPos.Align;

/**
 * Reads ESC/POS bytes once, front to back, keeping the printer's modes and driving a
 * {@link Paper}. Every step consumes at least one byte and no step reads past the end, so any
 * input finishes after one pass; drawing stops at the paper's height cap. Unknown {@code ESC}/{@code GS}/{@code FS}
 * commands drop their two command bytes; their parameters, if any, print as text, as on a
 * printer that does not know them. A command cut off by the end of the input is dropped. A Chinese
 * character outside the profile's font prints as {@code ？}, as a printer without the glyph would.
 */
final class EscPosInterpreter {

    private static final int DEFAULT_LINE_SPACING = 30;
    private static final Charset SINGLE_BYTE = Charset.isSupported("IBM437")
            ? Charset.forName("IBM437") : StandardCharsets.ISO_8859_1;
    /** QR error correction for n = 48..51 of function 69. */
    private static final List<ErrorCorrectionLevel> QR_LEVELS = List.of(
            ErrorCorrectionLevel.L, ErrorCorrectionLevel.M, ErrorCorrectionLevel.Q, ErrorCorrectionLevel.H);

    private final byte[] in;
    private final Paper paper;
    private final PrinterProfile profile;
    private int pos;
    private Align align = Align.LEFT;
    private boolean bold;
    private boolean reverse;
    private int widthScale = 1;
    private int heightScale = 1;
    private int lineSpacing = DEFAULT_LINE_SPACING;
    private boolean chinese;
    private byte[] qrData = new byte[0];
    /** QR module size and level until set: the usual printer defaults. */
    private int qrModuleSize = 3;
    private ErrorCorrectionLevel qrLevel = ErrorCorrectionLevel.L;

    EscPosInterpreter(byte[] in, Paper paper, PrinterProfile profile) {
        this.in = in;
        this.paper = paper;
        this.profile = profile;
    }

    EscPosRenderer.Rendered run() {
        while (pos < in.length && !paper.full()) {
            int b = in[pos++] & 0xFF;
            switch (b) {
                case LF -> paper.lineFeed(align, lineSpacing);
                case ESC -> esc();
                case GS -> gs();
                case FS -> fs();
                case DLE -> dle();
                default -> text(b);
            }
        }
        return paper.finish(lineSpacing);
    }

    private void esc() {
        int command = next();
        switch (command) {
            case '@' -> reset();
            case 'a' -> alignment(next());
            case 'E' -> emphasis(next());
            case '!' -> printMode(next());
            case 'd' -> feedLines(next());
            case 'J' -> feedDots(next());
            case '2' -> lineSpacing = DEFAULT_LINE_SPACING;
            case '3' -> lineSpacing(next());
            case 'p' -> skip(3);
            case ' ', '-', 'G', 'M', 'R', 'U', 'V', 't', '{' -> skip(1);
            default -> { } // unknown or cut off: the command bytes are dropped
        }
    }

    private void gs() {
        int command = next();
        switch (command) {
            case '!' -> characterSize(next());
            case 'V' -> cut(next());
            case '(' -> extended();
            case 'v' -> raster();
            case 'B' -> reverse(next());
            case 'H', 'I', 'a', 'b', 'f', 'h', 'r', 'w' -> skip(1);
            case 'L', 'W' -> skip(2);
            default -> { }
        }
    }

    private void fs() {
        switch (next()) {
            case '&' -> chinese = true;
            case '.' -> chinese = false;
            case '!', 'C', 'W' -> skip(1);
            case 'S' -> skip(2);
            default -> { }
        }
    }

    /** Real-time commands (DLE EOT n, DLE ENQ n) ask for status: nothing to print. */
    private void dle() {
        int command = next();
        if (command == 0x04 || command == 0x05) {
            skip(1);
        } else if (command == 0x14) {
            skip(3);
        }
    }

    private void reset() {
        paper.clearLine();
        align = Align.LEFT;
        bold = false;
        reverse = false;
        widthScale = 1;
        heightScale = 1;
        lineSpacing = DEFAULT_LINE_SPACING;
    }

    private void emphasis(int n) {
        if (n >= 0) {
            bold = (n & 1) == 1;
        }
    }

    /** GS B n: white on black while bit 0 is set. */
    private void reverse(int n) {
        if (n >= 0) {
            reverse = (n & 1) == 1;
        }
    }

    private void lineSpacing(int n) {
        if (n >= 0) {
            lineSpacing = n;
        }
    }

    private void alignment(int n) {
        int value = n >= '0' ? n - '0' : n;
        if (value >= 0 && value <= 2) {
            align = Align.values()[value];
        }
    }

    /** ESC ! n: bit 3 emphasis, bit 4 double height, bit 5 double width. */
    private void printMode(int n) {
        if (n >= 0) {
            bold = (n & 0x08) != 0;
            heightScale = (n & 0x10) != 0 ? 2 : 1;
            widthScale = (n & 0x20) != 0 ? 2 : 1;
        }
    }

    /** GS ! n: high nibble width − 1, low nibble height − 1. */
    private void characterSize(int n) {
        if (n >= 0) {
            widthScale = (n >> 4 & 0x07) + 1;
            heightScale = (n & 0x07) + 1;
        }
    }

    /** ESC d n: prints the buffer and feeds n lines in all (the printed line counts). */
    private void feedLines(int n) {
        if (n == 0) {
            paper.flush(align, lineSpacing);
        } else if (n > 0) {
            paper.lineFeed(align, lineSpacing);
            paper.feed((n - 1) * lineSpacing);
        }
    }

    private void feedDots(int n) {
        if (n >= 0) {
            paper.flush(align, lineSpacing);
            paper.feed(n);
        }
    }

    /** GS V m, and GS V m n for m = 65/66 (feed then cut). */
    private void cut(int m) {
        if (m < 0) {
            return;
        }
        if (m == 65 || m == 66) {
            skip(1);
        }
        paper.flush(align, lineSpacing);
        paper.cut();
    }

    /** GS ( fn pL pH data: QR codes for fn = 'k', skipped for every other function. */
    private void extended() {
        int function = next();
        int pL = next();
        int pH = next();
        if (pH < 0) {
            return;
        }
        int length = pL | pH << 8;
        if (length > in.length - pos) {
            pos = in.length;
            return;
        }
        if (function == 'k') {
            qr(pos, length);
        }
        pos += length;
    }

    private void qr(int offset, int length) {
        if (length < 2 || (in[offset] & 0xFF) != EscPos.QR_CN) {
            return; // PDF417 and other symbols: not drawn
        }
        int parameter = length >= 3 ? in[offset + 2] & 0xFF : -1;
        switch (in[offset + 1] & 0xFF) {
            case EscPos.QR_FN_MODULE_SIZE -> {
                if (parameter >= 1 && parameter <= 16) {
                    qrModuleSize = parameter;
                }
            }
            case EscPos.QR_FN_ERROR_CORRECTION -> {
                if (parameter >= 48 && parameter <= 51) {
                    qrLevel = QR_LEVELS.get(parameter - 48);
                }
            }
            case EscPos.QR_FN_STORE -> {
                if (length >= EscPos.QR_STORE_OVERHEAD) {
                    qrData = Arrays.copyOfRange(in, offset + EscPos.QR_STORE_OVERHEAD, offset + length);
                }
            }
            case EscPos.QR_FN_PRINT -> {
                paper.flush(align, lineSpacing);
                paper.qr(qrData, qrModuleSize, qrLevel, align);
            }
            default -> { } // model selection and size queries draw nothing
        }
    }

    /** GS v 0 m xL xH yL yH data: a raster image, x in bytes, y in dots. */
    private void raster() {
        if (next() != '0' || next() < 0) {
            return;
        }
        int xL = next();
        int xH = next();
        int yL = next();
        int yH = next();
        if (yH < 0) {
            return;
        }
        int widthBytes = xL | xH << 8;
        int heightDots = yL | yH << 8;
        long size = (long) widthBytes * heightDots;
        if (size > in.length - pos) {
            pos = in.length;
            return;
        }
        paper.flush(align, lineSpacing);
        paper.raster(in, pos, widthBytes, heightDots, align);
        pos += (int) size;
    }

    /** A character: GB18030 (2 or 4 bytes) in Chinese mode, else one byte. */
    private void text(int b) {
        if (b < 0x20 || b == 0x7F) {
            return; // CR, HT and the other control bytes print nothing
        }
        if (chinese && b >= 0x81 && b <= 0xFE) {
            int b2 = peek(0);
            boolean fourBytes = b2 >= 0x30 && b2 <= 0x39
                    && peek(1) >= 0x81 && peek(1) <= 0xFE && peek(2) >= 0x30 && peek(2) <= 0x39;
            boolean twoBytes = b2 >= 0x40 && b2 <= 0xFE && b2 != 0x7F;
            if (fourBytes || twoBytes) {
                int length = fourBytes ? 4 : 2;
                String character = new String(in, pos - 1, length, EscPosEncoder.GB18030);
                // a character outside the printer's font prints as a substitute, as on the real printer
                glyph(character.codePoints().allMatch(profile::canPrint) ? character : "？", true);
                pos += length - 1;
                return;
            }
            glyph("?", false);
            return;
        }
        if (b < 0x80) {
            glyph(String.valueOf((char) b), false);
        } else {
            glyph(chinese ? "?" : new String(new byte[] {(byte) b}, SINGLE_BYTE), false);
        }
    }

    private void glyph(String text, boolean wide) {
        paper.add(new Paper.Glyph(text, wide, widthScale, heightScale, bold, reverse), align, lineSpacing);
    }

    /** The next byte, consumed, or -1 at the end. */
    private int next() {
        return pos < in.length ? in[pos++] & 0xFF : -1;
    }

    private int peek(int ahead) {
        return pos + ahead < in.length ? in[pos + ahead] & 0xFF : -1;
    }

    private void skip(int count) {
        pos = Math.min(in.length, pos + count);
    }
}
