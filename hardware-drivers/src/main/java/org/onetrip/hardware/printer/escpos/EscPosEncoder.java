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
 * line ends with LF. Titles are centred and large, notices large and white on black, QR codes
 * centred with their caption below.
 *
 * <p>Raster fallbacks ({@code GS v 0}): a line with a character the profile's font cannot print
 * (a rare character in a name, outside GB2312) is drawn as an image in the printer's cell grid,
 * at the same size and weight, so the resident's name is never printed as "?"; on a profile
 * without native QR the symbol is drawn as an image (model 2, EC level M). Native QR is
 * {@code GS ( k} model 2, EC level M, with the byte length of the UTF-8 payload.
 *
 * <p>Stateless and thread-safe.
 */
public final class EscPosEncoder {

    static final Charset GB18030 = Charset.forName("GB18030");
    static final int TAIL_FEED_LINES = 4;
    /** QR module size in dots; smaller only when the symbol would not fit the paper. */
    static final int QR_MODULE_DOTS = 6;
    static final int DEFAULT_LINE_SPACING = 30;

    private final PrinterProfile profile;

    public EscPosEncoder(PrinterProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    public PrinterProfile profile() {
        return profile;
    }

    /**
     * @throws IllegalArgumentException if a QR payload is too long for any QR version at EC level M
     */
    public byte[] encode(ReceiptDocument document) {
        Job job = new Job();
        job.write(EscPos.init());
        job.write(EscPos.chineseMode());
        for (ReceiptBlock block : document.blocks()) {
            switch (block) {
                case ReceiptBlock.Title title -> title(job, title.text());
                case ReceiptBlock.KeyValue row ->
                        job.lines(Columns.keyValue(row.key(), row.value(), columns(1)));
                case ReceiptBlock.Divider divider -> job.line("-".repeat(profile.charsPerLine()));
                case ReceiptBlock.Text text -> text(job, text);
                case ReceiptBlock.Notice notice -> notice(job, notice.text());
                case ReceiptBlock.Qr qr -> qr(job, qr);
                case ReceiptBlock.Feed feed -> job.write(EscPos.feed(feed.lines()));
            }
        }
        job.write(EscPos.feed(TAIL_FEED_LINES));
        job.write(EscPos.cut(profile.cut()));
        return job.out.toByteArray();
    }

    /**
     * Centred at double size, or at double height only if a space-separated phrase of the
     * title would not fit a double-width line (so "锦湖社区" is not split on 58 mm paper).
     */
    private void title(Job job, String text) {
        boolean phrasesFit = Arrays.stream(Columns.printable(text).split("[ \n]"))
                .allMatch(phrase -> Columns.width(phrase) <= columns(2));
        int width = phrasesFit ? 2 : 1;
        job.align(Align.CENTER);
        job.size(width, 2);
        job.lines(Columns.wrap(text, columns(width)));
        job.size(1, 1);
        job.align(Align.LEFT);
    }

    private void text(Job job, ReceiptBlock.Text text) {
        if (text.emphasis()) {
            job.bold(true);
        }
        job.lines(Columns.wrap(text.text(), columns(1)));
        if (text.emphasis()) {
            job.bold(false);
        }
    }

    /**
     * White on black, bold, centred, at double size (double height only if a line would not fit),
     * one space of black on each side: the line a resident must not miss, in a few bytes (a box of
     * drawing characters costs about 150).
     */
    private void notice(Job job, String text) {
        int width = Columns.width(Columns.printable(text).replace('\n', ' ')) + 2 <= columns(2) ? 2 : 1;
        job.align(Align.CENTER);
        job.size(width, 2);
        job.bold(true);
        job.reverse(true);
        for (String content : Columns.wrap(text, columns(width) - 2)) {
            job.line(" " + content + " ");
        }
        job.reverse(false);
        job.bold(false);
        job.size(1, 1);
        job.align(Align.LEFT);
    }

    private void qr(Job job, ReceiptBlock.Qr qr) {
        if (profile.nativeQr()) {
            job.align(Align.CENTER);
            job.write(EscPos.qrModel2());
            job.write(EscPos.qrModuleSize(qrModuleSize(qr.payload())));
            job.write(EscPos.qrErrorCorrectionM());
            job.write(EscPos.qrStore(qr.payload()));
            job.write(EscPos.qrPrint());
        } else {
            job.write(Raster.qr(qr.payload(), profile.dotsPerLine()));
            job.align(Align.CENTER);
        }
        if (!qr.caption().isEmpty()) {
            job.lines(Columns.wrap(qr.caption(), columns(1)));
        }
        job.align(Align.LEFT);
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

    /** The bytes of one job and the print modes in force, which a raster line must imitate. */
    private final class Job {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        Align align = Align.LEFT;
        boolean bold;
        boolean reverse;
        int widthScale = 1;
        int heightScale = 1;
        int lineSpacing = DEFAULT_LINE_SPACING;

        void write(byte[] bytes) {
            out.writeBytes(bytes);
        }

        void align(Align to) {
            align = to;
            write(EscPos.align(to));
        }

        void bold(boolean on) {
            bold = on;
            write(EscPos.bold(on));
        }

        void reverse(boolean on) {
            reverse = on;
            write(EscPos.reverse(on));
        }

        void size(int width, int height) {
            widthScale = width;
            heightScale = height;
            write(EscPos.size(width, height));
        }

        void lineSpacing(int dots) {
            lineSpacing = dots;
            write(EscPos.lineSpacing(dots));
        }

        void defaultLineSpacing() {
            lineSpacing = DEFAULT_LINE_SPACING;
            write(EscPos.defaultLineSpacing());
        }

        void lines(List<String> lines) {
            lines.forEach(this::line);
        }

        /** One line as GB18030 text, or as a raster image if the printer's font lacks a character of it. */
        void line(String line) {
            if (line.codePoints().allMatch(profile::canPrint)) {
                write(line.getBytes(GB18030));
                out.write(EscPos.LF);
            } else {
                int pitch = lineSpacing + PrinterProfile.FONT_A_HEIGHT * (heightScale - 1);
                boolean aligned = align != Align.LEFT; // the image has its alignment drawn in
                if (aligned) {
                    write(EscPos.align(Align.LEFT));
                }
                write(Raster.textLine(line, widthScale, heightScale, bold, reverse, pitch, align,
                        profile.dotsPerLine()));
                if (aligned) {
                    write(EscPos.align(align));
                }
            }
        }
    }
}
