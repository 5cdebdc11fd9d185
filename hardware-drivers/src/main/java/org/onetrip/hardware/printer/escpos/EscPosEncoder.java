package org.onetrip.hardware.printer.escpos;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.decoder.Version;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.onetrip.hardware.printer.escpos.EscPos.Align;
import org.onetrip.hardware.printer.receipt.ReceiptBlock;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;

/**
 * Encodes a {@link ReceiptDocument} into ESC/POS bytes for one {@link PrinterProfile}.
 *
 * <p>A job starts with {@code ESC @} and {@code FS &} (Chinese mode) and ends with a feed of
 * {@value #TAIL_FEED_LINES} lines, so the last line clears the cutter or tear bar, then the
 * profile's cut. Text is GB18030, wrapped to {@link PrinterProfile#charsPerLine()} columns
 * (a Chinese character takes two); control characters in document text become spaces. Every
 * line ends with LF. Titles are centred and large, notices bold in a box, QR codes
 * (native {@code GS ( k}, model 2, EC level M) centred with their caption below.
 *
 * <p>Stateless and thread-safe.
 */
public final class EscPosEncoder {

    static final Charset GB18030 = Charset.forName("GB18030");
    static final int TAIL_FEED_LINES = 4;
    /** QR module size in dots; smaller only when the symbol would not fit the paper. */
    static final int QR_MODULE_DOTS = 6;

    private final PrinterProfile profile;

    public EscPosEncoder(PrinterProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    public PrinterProfile profile() {
        return profile;
    }

    /**
     * @throws IllegalArgumentException if the document has a QR code and the profile has no
     *                                  native QR, or a QR payload too long for any QR version
     */
    public byte[] encode(ReceiptDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        out.writeBytes(EscPos.init());
        out.writeBytes(EscPos.chineseMode());
        for (ReceiptBlock block : document.blocks()) {
            switch (block) {
                case ReceiptBlock.Title title -> title(out, title.text());
                case ReceiptBlock.KeyValue row ->
                        lines(out, Columns.keyValue(row.key(), row.value(), columns(1)));
                case ReceiptBlock.Divider divider -> line(out, "-".repeat(profile.charsPerLine()));
                case ReceiptBlock.Text text -> text(out, text);
                case ReceiptBlock.Notice notice -> notice(out, notice.text());
                case ReceiptBlock.Qr qr -> qr(out, qr);
                case ReceiptBlock.Feed feed -> out.writeBytes(EscPos.feed(feed.lines()));
            }
        }
        out.writeBytes(EscPos.feed(TAIL_FEED_LINES));
        out.writeBytes(EscPos.cut(profile.cut()));
        return out.toByteArray();
    }

    /**
     * Centred at double size, or at double height only if a space-separated phrase of the
     * title would not fit a double-width line (so "锦湖社区" is not split on 58 mm paper).
     */
    private void title(ByteArrayOutputStream out, String text) {
        boolean phrasesFit = Arrays.stream(Columns.printable(text).split("[ \n]"))
                .allMatch(phrase -> Columns.width(phrase) <= columns(2));
        int width = phrasesFit ? 2 : 1;
        out.writeBytes(EscPos.align(Align.CENTER));
        out.writeBytes(EscPos.size(width, 2));
        lines(out, Columns.wrap(text, columns(width)));
        out.writeBytes(EscPos.size(1, 1));
        out.writeBytes(EscPos.align(Align.LEFT));
    }

    private void text(ByteArrayOutputStream out, ReceiptBlock.Text text) {
        if (text.emphasis()) {
            out.writeBytes(EscPos.bold(true));
        }
        lines(out, Columns.wrap(text.text(), columns(1)));
        if (text.emphasis()) {
            out.writeBytes(EscPos.bold(false));
        }
    }

    /**
     * Bold text centred in a box of GB2312 box-drawing characters (full width, 2 columns),
     * with the line spacing at the 24-dot character height so the sides join up.
     */
    private void notice(ByteArrayOutputStream out, String text) {
        int inner = (columns(1) - 4) & ~1;
        String rule = "─".repeat(inner / 2);
        out.writeBytes(EscPos.lineSpacing(PrinterProfile.FONT_A_HEIGHT));
        out.writeBytes(EscPos.bold(true));
        line(out, "┌" + rule + "┐");
        for (String content : Columns.wrap(text, inner)) {
            line(out, "│" + Columns.centre(content, inner) + "│");
        }
        line(out, "└" + rule + "┘");
        out.writeBytes(EscPos.bold(false));
        out.writeBytes(EscPos.defaultLineSpacing());
    }

    private void qr(ByteArrayOutputStream out, ReceiptBlock.Qr qr) {
        if (!profile.nativeQr()) {
            throw new IllegalArgumentException("printer profile " + profile.name()
                    + " has no native QR and raster QR is not supported yet;"
                    + " use a profile with nativeQr = true");
        }
        out.writeBytes(EscPos.align(Align.CENTER));
        out.writeBytes(EscPos.qrModel2());
        out.writeBytes(EscPos.qrModuleSize(qrModuleSize(qr.payload())));
        out.writeBytes(EscPos.qrErrorCorrectionM());
        out.writeBytes(EscPos.qrStore(qr.payload()));
        out.writeBytes(EscPos.qrPrint());
        if (!qr.caption().isEmpty()) {
            lines(out, Columns.wrap(qr.caption(), columns(1)));
        }
        out.writeBytes(EscPos.align(Align.LEFT));
    }

    /**
     * {@value #QR_MODULE_DOTS} dots per module, or the largest size at which the symbol fits
     * the paper. The symbol is sized for byte mode, the largest a printer may choose.
     */
    private int qrModuleSize(String payload) {
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        for (int number = 1; number <= 40; number++) {
            Version version = Version.getVersionForNumber(number);
            int dataBits = 8 * (version.getTotalCodewords()
                    - version.getECBlocksForLevel(ErrorCorrectionLevel.M).getTotalECCodewords());
            if (4 + Mode.BYTE.getCharacterCountBits(version) + 8 * bytes <= dataBits) {
                int modules = version.getDimensionForVersion();
                return Math.max(1, Math.min(QR_MODULE_DOTS, profile.dotsPerLine() / modules));
            }
        }
        throw new IllegalArgumentException("QR payload of " + bytes
                + " UTF-8 bytes does not fit in a QR code at EC level M");
    }

    /** Columns per line at a character width multiplier. */
    private int columns(int widthMultiplier) {
        return Math.max(2, profile.charsPerLine() / widthMultiplier);
    }

    private static void lines(ByteArrayOutputStream out, List<String> lines) {
        lines.forEach(line -> line(out, line));
    }

    private static void line(ByteArrayOutputStream out, String line) {
        out.writeBytes(line.getBytes(GB18030));
        out.write(EscPos.LF);
    }
}
