package org.onetrip.kiosk.apply;

import java.util.Optional;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.kiosk.session.ResidentSession;

import com.vaadin.flow.server.VaadinSession;

/**
 * The resident's answer to "用您上次在本机填写的内容预填？", asked once per visit. Kept in the Vaadin session, so
 * it ends with the visit (the privacy timeout or 退出 invalidates the session); and tied to the card it was
 * given for, so the next resident on the same session is asked again and never gets the last one's values.
 */
public final class PrefillConsent {
    private final String idNumber;
    private final boolean given;

    private PrefillConsent(String idNumber, boolean given) {
        this.idNumber = idNumber;
        this.given = given;
    }

    /** What {@code card}'s holder answered in this visit; empty when they have not been asked yet. */
    public static Optional<Boolean> of(IdentityCard card) {
        PrefillConsent answer = VaadinSession.getCurrent().getAttribute(PrefillConsent.class);
        return answer != null && answer.idNumber.equalsIgnoreCase(card.idNumber())
                ? Optional.of(answer.given) : Optional.empty();
    }

    /** Records the answer of {@code card}'s holder for the rest of this visit. */
    public static void answer(IdentityCard card, boolean given) {
        VaadinSession.getCurrent().setAttribute(PrefillConsent.class, new PrefillConsent(card.idNumber(), given));
        ResidentSession.current().touch();
    }

    /** Never the ID number: this may reach a log. */
    @Override
    public String toString() {
        return "PrefillConsent[" + (given ? "yes" : "no") + "]";
    }
}
