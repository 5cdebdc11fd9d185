package org.onetrip.kiosk.apply;

import java.util.Optional;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.kiosk.session.ResidentSession;

import com.vaadin.flow.server.VaadinSession;

/**
 * The resident's answer to "用您上次在本机填写的内容预填？", asked once per visit. It belongs to the visit's
 * {@link ResidentSession}: once the privacy timeout or 退出 has dropped that (and invalidated the HTTP session),
 * the answer is unreachable even from a session object that lingers; and it is tied to the card it was given
 * for, so the next resident is asked again and never gets the last one's values.
 */
public final class PrefillConsent {
    private final ResidentSession visit;
    private final String idNumber;
    private final boolean given;

    private PrefillConsent(ResidentSession visit, String idNumber, boolean given) {
        this.visit = visit;
        this.idNumber = idNumber;
        this.given = given;
    }

    /** What {@code card}'s holder answered in this visit; empty when they have not been asked yet. */
    public static Optional<Boolean> of(IdentityCard card) {
        PrefillConsent answer = VaadinSession.getCurrent().getAttribute(PrefillConsent.class);
        return answer != null && answer.visit == ResidentSession.current()
                && answer.idNumber.equalsIgnoreCase(card.idNumber()) ? Optional.of(answer.given) : Optional.empty();
    }

    /** Records the answer of {@code card}'s holder for the rest of this visit. */
    public static void answer(IdentityCard card, boolean given) {
        ResidentSession visit = ResidentSession.current();
        VaadinSession.getCurrent().setAttribute(PrefillConsent.class, new PrefillConsent(visit, card.idNumber(), given));
        visit.touch();
    }

    /** Never the ID number: this may reach a log. */
    @Override
    public String toString() {
        return "PrefillConsent[" + (given ? "yes" : "no") + "]";
    }
}
