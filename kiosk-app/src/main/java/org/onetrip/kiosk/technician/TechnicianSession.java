package org.onetrip.kiosk.technician;

import com.vaadin.flow.server.VaadinSession;

/** Whether this browser session is in technician mode (after the PIN); cleared by "back to kiosk". */
final class TechnicianSession {
    private static final String ATTRIBUTE = TechnicianSession.class.getName();

    private TechnicianSession() {
    }

    static boolean active() {
        VaadinSession s = VaadinSession.getCurrent();
        return s != null && Boolean.TRUE.equals(s.getAttribute(ATTRIBUTE));
    }

    static void set(boolean active) {
        VaadinSession.getCurrent().setAttribute(ATTRIBUTE, active ? Boolean.TRUE : null);
    }
}
