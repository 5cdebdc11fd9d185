package org.onetrip.kiosk.receipt;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

import org.onetrip.hardware.printer.PrinterException;
import org.onetrip.hardware.printer.ReceiptPrinter;
import org.onetrip.hardware.printer.escpos.EscPosEncoder;
import org.onetrip.hardware.printer.escpos.EscPosRenderer;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.submission.SealedSubmission;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.token.ReceiptToken;
import org.onetrip.store.token.ReceiptTokenSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the receipt of a sealed submission, sends it to the printer, and renders exactly the bytes that were
 * sent for the screen. The QR code is a receipt token signed with this terminal's key (domain-spec §6), so any
 * terminal that trusts this one can open the submission's status from it offline. A printer that fails loses
 * nothing: the submission is already sealed, and the resident is told so and that staff at the agency point
 * can reprint the receipt ({@link #reprint(UUID)}, from the status page).
 */
public final class ReceiptService {
    private static final Logger log = LoggerFactory.getLogger(ReceiptService.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The message key a resident sees when the receipt did not print. */
    public static final String PRINT_FAILED = "receipt.print-failed";

    private final ReceiptPrinter printer;
    private final TerminalConfig config;
    private final SubmissionStore store;
    private final ReceiptTokenSigner signer;
    private final Clock clock;
    private final ResourceBundle text = ResourceBundle.getBundle("org.onetrip.kiosk.receipt.receipt",
            Locale.SIMPLIFIED_CHINESE);

    public ReceiptService(ReceiptPrinter printer, TerminalConfig config, SubmissionStore store,
                          ReceiptTokenSigner signer, Clock clock) {
        this.printer = printer;
        this.config = config;
        this.store = store;
        this.signer = signer;
        this.clock = clock;
    }

    /** The bytes sent (or that would have been sent) and, if printing failed, a message key for the resident. */
    public record PrintedReceipt(byte[] escPos, Optional<String> problem) {
    }

    /** Prints the receipt of a submission just sealed. */
    public PrintedReceipt print(SealedSubmission submission) {
        return send(submission, document(submission, false));
    }

    /**
     * Prints the receipt again, as the submission stands now (with its 办件编号 once known), marked 补打.
     * Empty if this terminal has no such submission.
     */
    public Optional<PrintedReceipt> reprint(UUID submissionId) {
        return store.find(submissionId).map(s -> send(s, document(s, true)));
    }

    private PrintedReceipt send(SealedSubmission submission, ReceiptDocument document) {
        byte[] bytes = new EscPosEncoder(printer.profile()).encode(document);
        try {
            printer.print(bytes);
            return new PrintedReceipt(bytes, Optional.empty());
        } catch (PrinterException e) {
            log.warn("receipt for submission[{}] not printed: {}", submission.id(), e.getMessage());
            return new PrintedReceipt(bytes, Optional.of(PRINT_FAILED));
        }
    }

    /** The receipt of {@code s} as it stands now, with a freshly signed token: what {@link #print} encodes. */
    public ReceiptDocument document(SealedSubmission s) {
        return document(s, false);
    }

    ReceiptDocument document(SealedSubmission s, boolean reprint) {
        ReceiptDocument.Builder doc = ReceiptDocument.builder()
                .title(text.getString("title"))
                .text(config.siteName())
                .divider()
                .row(text.getString("item"), s.itemName())
                .row(text.getString("applicant"), s.applicantMask())
                .row(text.getString("local-id"), s.id().toString())
                .row(text.getString("project-no"), s.projectNo().orElse(text.getString("project-no.pending")))
                .row(text.getString("sealed-at"), TIME.format(s.sealedAt().atZone(clock.getZone())));
        if (s.promisedBy() != null) {
            doc.row(text.getString("promised-by"), s.promisedBy().toString());
        }
        store.deliveryOf(s.id()).ifPresent(d -> delivery(doc, d));
        if (reprint) {
            doc.row(text.getString("reprinted-at"), TIME.format(clock.instant().atZone(clock.getZone())));
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
        return doc.qr(token(s), text.getString("qr.caption"))
                .emphasis(text.getString("hotline"))
                .feed(3)
                .build();
    }

    /**
     * How the result reaches the resident: the method, and the express address (theirs to check; the phone
     * masked) or the pickup place.
     */
    private void delivery(ReceiptDocument.Builder doc, SubmissionStore.Delivery d) {
        if (d.method().isEmpty()) {
            return;
        }
        doc.row(text.getString("delivery"), text.containsKey("delivery." + d.method())
                ? text.getString("delivery." + d.method()) : d.method());
        if (!d.to().address().isEmpty()) {
            doc.row(text.getString("delivery.address"), d.to().address());
        }
        if (!d.to().phone().isEmpty()) {
            doc.row(text.getString("delivery.phone"), d.to().maskedPhone());
        }
        if (!d.to().place().isEmpty()) {
            doc.row(text.getString("delivery.place"), d.to().place());
        }
    }

    /** The signed token of the receipt's QR code: the submission as it stands now, masked applicant only. */
    String token(SealedSubmission s) {
        byte[] digest = store.sealedBodySm3(s.id())
                .orElseThrow(() -> new IllegalStateException("submission[" + s.id() + "] is not in the store"));
        return signer.sign(ReceiptToken.receipt(s.id(), s.projectNo(), s.taskCode(), config.region().code(),
                config.terminalId(), clock.instant(), s.status().name(), digest, s.applicantMask()));
    }

    /** What the printer says about itself now (paper out, offline), for the screens that warn residents. */
    public org.onetrip.hardware.printer.PrinterStatus printerStatus() {
        return printer.status();
    }

    /** The receipt as a PNG, drawn from exactly the printer bytes. */
    public byte[] png(byte[] escPos) {
        return EscPosRenderer.toPng(new EscPosRenderer(printer.profile()).render(escPos).image());
    }
}
