package org.onetrip.kiosk.status;

import java.util.Objects;
import java.util.Optional;

import java.util.function.Supplier;

import org.onetrip.store.catalog.Catalog;
import org.onetrip.store.catalog.ServiceItem;
import org.onetrip.store.submission.SealedSubmission;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.token.KeyId;
import org.onetrip.store.token.ReceiptToken;
import org.onetrip.store.token.ReceiptTokenVerifier;
import org.onetrip.store.token.TokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

/**
 * Opens a submission's status from a scanned receipt QR code. The token is verified offline against this
 * terminal's trust list; a genuine token shows the submission as this terminal knows it now (if it was filed
 * here) or as the token says (if another trusted terminal issued it). Only masked data is ever shown.
 *
 * <p>The scanner's event reaches this through the resident-journey wiring: on the UI thread (inside
 * {@code ui.access}) call {@link #open(String)} with the scanned text, typically for payloads starting with
 * {@code ZW1:}.
 */
public final class ReceiptLookup {
    private static final Logger log = LoggerFactory.getLogger(ReceiptLookup.class);

    private final ReceiptTokenVerifier verifier;
    private final SubmissionStore store;
    private final Supplier<Catalog> catalog;

    public ReceiptLookup(ReceiptTokenVerifier verifier, SubmissionStore store, Supplier<Catalog> catalog) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.store = Objects.requireNonNull(store, "store");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** What a scan found. */
    public sealed interface Result {
    }

    /**
     * A genuine receipt.
     *
     * @param local    the submission as this terminal has it now, if it was filed here
     * @param itemName the item's name from the catalog, if the catalog has its 实施编码
     */
    public record Found(ReceiptToken token, KeyId signer, Optional<SealedSubmission> local,
                        Optional<String> itemName) implements Result {
    }

    /** Not a receipt this terminal accepts, and why. */
    public record Refused(TokenException.Reason reason) implements Result {
    }

    /** Verifies {@code scanned} without touching the UI; any thread. */
    public Result lookup(String scanned) {
        try {
            ReceiptTokenVerifier.Verified verified = verifier.verify(scanned);
            ReceiptToken token = verified.token();
            Optional<SealedSubmission> local = store.find(token.submissionId());
            Optional<String> itemName = local.map(SealedSubmission::itemName)
                    .or(() -> catalog.get().find(token.taskCode()).map(ServiceItem::name));
            log.info("receipt of submission[{}] from terminal {} (key {}) scanned: genuine", token.submissionId(),
                    token.terminalId(), verified.signer());
            return new Found(token, verified.signer(), local, itemName);
        } catch (TokenException e) {
            log.info("scanned receipt refused: {} ({})", e.reason(), e.getMessage());
            return new Refused(e.reason());
        }
    }

    /**
     * Verifies {@code scannedText} and shows the result on the current UI ({@link ScannedStatusView}). Call on
     * the UI thread. The result is kept in the Vaadin session only, so ending the resident's session removes it.
     */
    public Result open(String scannedText) {
        Result result = lookup(scannedText);
        VaadinSession.getCurrent().setAttribute(Result.class, result);
        org.onetrip.kiosk.session.ResidentSession.current().touch();
        UI.getCurrent().navigate(ScannedStatusView.class);
        return result;
    }

    /** The last scan's result in this session, for the view. */
    static Optional<Result> current() {
        return Optional.ofNullable(VaadinSession.getCurrent().getAttribute(Result.class));
    }

    /** The submission as it stands now on this terminal, if it was filed here. */
    Optional<SealedSubmission> refresh(ReceiptToken token) {
        return store.find(token.submissionId());
    }
}
