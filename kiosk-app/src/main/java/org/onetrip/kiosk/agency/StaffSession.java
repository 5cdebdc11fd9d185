package org.onetrip.kiosk.agency;

import java.time.Instant;
import java.util.Optional;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.VaadinSession;

/**
 * The staff member signed in on this browser session, kept only in the Vaadin session. Agency views call
 * {@link #require(BeforeEnterEvent, StaffRole)} first thing in {@code beforeEnter}: without a staff member of the
 * role, the visitor is sent to the sign-in page and nothing of the view is rendered.
 *
 * @param staffId     the staff card number (the audit log's actor)
 * @param name        shown on agency screens and printed slips
 * @param role        what the member may do
 * @param signedInAt  when the PIN was accepted
 */
public record StaffSession(String staffId, String name, StaffRole role, Instant signedInAt) {
    /** The sign-in page's route; agency views forward here. */
    public static final String SIGN_IN_ROUTE = "agency/sign-in";
    private static final String ATTRIBUTE = StaffSession.class.getName();

    /** The staff member of the current Vaadin session, if one signed in. */
    public static Optional<StaffSession> current() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty()
                : Optional.ofNullable((StaffSession) session.getAttribute(ATTRIBUTE));
    }

    /** Records a successful sign-in on the current Vaadin session. */
    public static void signIn(StaffSession staff) {
        VaadinSession.getCurrent().setAttribute(ATTRIBUTE, staff);
    }

    /** Ends the staff member's session (sign-out, idle sign-out). */
    public static void signOut() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(ATTRIBUTE, null);
        }
    }

    /**
     * The guard every agency view runs in {@code beforeEnter}: returns the staff member when one of the role is
     * signed in, else forwards to the sign-in page and returns empty (the view must then render nothing).
     */
    public static Optional<StaffSession> require(BeforeEnterEvent event, StaffRole role) {
        Optional<StaffSession> staff = current().filter(s -> s.role().covers(role));
        if (staff.isEmpty()) {
            event.forwardTo(SIGN_IN_ROUTE);
        }
        return staff;
    }
}
