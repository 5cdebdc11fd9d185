package org.onetrip.kiosk.receipt;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import org.onetrip.hardware.printer.PrinterException;
import org.onetrip.hardware.printer.ReceiptPrinter;
import org.onetrip.hardware.printer.escpos.EscPosEncoder;
import org.onetrip.hardware.printer.escpos.EscPosRenderer;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.submission.SealedSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the receipt of a sealed submission, sends it to the printer, and renders exactly the bytes that were
 * sent for the screen. A printer that fails loses nothing: the submission is already sealed, and the
 * resident is told so and where to get a reprint.
 */
public final class ReceiptService {
    private static final Logger log = LoggerFactory.getLogger(ReceiptService.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReceiptPrinter printer;
    private final TerminalConfig config;
    private final ZoneId zone;
    private final ResourceBundle text = ResourceBundle.getBundle("org.onetrip.kiosk.receipt.receipt",
            Locale.SIMPLIFIED_CHINESE);

    public ReceiptService(ReceiptPrinter printer, TerminalConfig config, ZoneId zone) {
        this.printer = printer;
        this.config = config;
        this.zone = zone;
    }

    /** The bytes sent (or that would have been sent) and, if printing failed, a message key for the resident. */
    public record PrintedReceipt(byte[] escPos, Optional<String> problem) {
    }

    public PrintedReceipt print(SealedSubmission submission) {
        byte[] bytes = new EscPosEncoder(printer.profile()).encode(document(submission));
        try {
            printer.print(bytes);
            return new PrintedReceipt(bytes, Optional.empty());
        } catch (PrinterException e) {
            log.warn("receipt for submission[{}] not printed: {}", submission.id(), e.getMessage());
            return new PrintedReceipt(bytes, Optional.of("receipt.print-failed"));
        }
    }

    ReceiptDocument document(SealedSubmission s) {
        ReceiptDocument.Builder doc = ReceiptDocument.builder()
                .title(text.getString("title"))
                .text(config.siteName())
                .divider()
                .row(text.getString("item"), s.itemName())
                .row(text.getString("applicant"), s.applicantMask())
                .row(text.getString("local-id"), s.id().toString())
                .row(text.getString("project-no"), s.projectNo().orElse(text.getString("project-no.pending")))
                .row(text.getString("sealed-at"), TIME.format(s.sealedAt().atZone(zone)));
        if (s.promisedBy() != null) {
            doc.row(text.getString("promised-by"), s.promisedBy().toString());
        }
        doc.divider();
        if (s.stillToBring().isEmpty()) {
            doc.text(text.getString("bring.nothing"));
        } else {
            doc.emphasis(text.getString("bring.title"));
            s.stillToBring().forEach(m -> doc.text("· " + m));
        }
        if (s.status().isUnsent()) {
            doc.notice(text.getString("unsent"));
        }
        return doc.qr(statusPayload(s), text.getString("qr.caption"))
                .text(text.getString("hotline"))
                .feed(3)
                .build();
    }

    /** What the receipt's QR holds: the local submission id, which any terminal can look up. */
    static String statusPayload(SealedSubmission s) {
        return "ONETRIP:STATUS:" + s.id();
    }

    /** The receipt as a PNG, drawn from exactly the printer bytes. */
    public byte[] png(byte[] escPos) {
        return EscPosRenderer.toPng(new EscPosRenderer(printer.profile()).render(escPos).image());
    }
}
