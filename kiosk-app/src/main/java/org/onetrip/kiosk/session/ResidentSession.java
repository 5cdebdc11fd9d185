package org.onetrip.kiosk.session;

import java.util.Optional;
import java.util.UUID;

import org.onetrip.hardware.idcard.IdentityCard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

/**
 * What the kiosk knows of the resident at the screen: the card they tapped and the receipt just printed.
 * Lives in the Vaadin session only; {@link #end(UI)} wipes it and the HTTP session together, so nothing of
 * this resident is reachable by back, reload or URL afterwards.
 */
public final class ResidentSession {
    private IdentityCard card;
    private UUID lastSubmission;
    private byte[] lastReceipt;
    private String lastPrintProblem;
    private boolean finished;
    private boolean touched;

    /** The current session's resident state, created on first use. */
    public static ResidentSession current() {
        VaadinSession session = VaadinSession.getCurrent();
        ResidentSession resident = session.getAttribute(ResidentSession.class);
        if (resident == null) {
            resident = new ResidentSession();
            session.setAttribute(ResidentSession.class, resident);
        }
        return resident;
    }

    public Optional<IdentityCard> card() {
        return Optional.ofNullable(card);
    }

    public void identified(IdentityCard card) {
        this.card = card;
    }

    /**
     * The session now holds something of this resident or their choices beyond the card and the receipt (a
     * scanned receipt's result, a rating in progress, elder mode, English): the privacy timeout will wipe it
     * even on the home screen.
     */
    public void touch() {
        touched = true;
    }

    /** The errand is done (a receipt printed, the status shown): taking the card off the reader ends the visit. */
    public void finish() {
        finished = true;
    }

    public boolean finished() {
        return finished;
    }

    /** Whether the current Vaadin session holds anything a wipe must remove. */
    public static boolean hasTraces() {
        VaadinSession session = VaadinSession.getCurrent();
        ResidentSession resident = session == null ? null : session.getAttribute(ResidentSession.class);
        return resident != null && (resident.touched || resident.card != null || resident.lastSubmission != null);
    }

    public void receiptPrinted(UUID submission, byte[] escPos, String printProblem) {
        this.lastSubmission = submission;
        this.lastReceipt = escPos.clone();
        this.lastPrintProblem = printProblem;
        this.finished = true;
    }

    /** The ESC/POS bytes of the receipt printed for {@code submission} in this session, if any. */
    public Optional<byte[]> receiptOf(UUID submission) {
        return submission.equals(lastSubmission) ? Optional.of(lastReceipt.clone()) : Optional.empty();
    }

    public Optional<String> printProblemOf(UUID submission) {
        return submission.equals(lastSubmission) ? Optional.ofNullable(lastPrintProblem) : Optional.empty();
    }

    /** Ends the resident's visit: drops the state, invalidates the HTTP session and reloads the home screen. */
    public static void end(UI ui) {
        VaadinSession session = ui.getSession();
        session.setAttribute(ResidentSession.class, null);
        ui.getPage().setLocation("/");
        session.getSession().invalidate();
    }
}
