package org.onetrip.kiosk.ui;

import org.onetrip.kiosk.session.ResidentSession;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

/**
 * 长辈模式 (适老化): larger type (body text ≥ 18 pt), touch targets ≥ 60 px, stronger contrast, one question per
 * screen where it matters. Kept in the Vaadin session, so it ends with the resident's visit; the stylesheet
 * styles everything under the {@code elder} class of the page body.
 */
public final class ElderMode {
    public static final String CSS_CLASS = "elder";
    private static final String ATTRIBUTE = ElderMode.class.getName();

    private ElderMode() {
    }

    /** Whether the current session is in elder mode (false outside a session). */
    public static boolean isOn() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && Boolean.TRUE.equals(session.getAttribute(ATTRIBUTE));
    }

    /** Switches the current session's mode and restyles {@code ui} at once. */
    public static void set(UI ui, boolean on) {
        ui.getSession().setAttribute(ATTRIBUTE, on ? Boolean.TRUE : null);
        if (on) {
            ResidentSession.current().touch();
        }
        apply(ui);
    }

    /** Styles {@code ui}'s page as the session's mode says. */
    static void apply(UI ui) {
        ui.getElement().getClassList().set(CSS_CLASS, isOn());
    }
}
