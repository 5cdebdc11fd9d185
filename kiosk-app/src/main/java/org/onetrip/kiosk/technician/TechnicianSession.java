package org.onetrip.kiosk.technician;

import java.util.Optional;

import org.onetrip.provisioning.bundle.ProvisioningQr;

import com.vaadin.flow.server.VaadinSession;

/**
 * Whether this browser session is in technician mode (after the PIN), and the technician QR that led to the PIN
 * page, if one did; both cleared by "back to kiosk".
 */
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
        if (!active) {
            VaadinSession.getCurrent().setAttribute(ProvisioningQr.class, null);
        }
    }

    /** A verified technician QR scanned in this session: the PIN page shows whom it was issued for, until when. */
    static void rememberQr(ProvisioningQr qr) {
        VaadinSession.getCurrent().setAttribute(ProvisioningQr.class, qr);
    }

    static Optional<ProvisioningQr> qr() {
        VaadinSession s = VaadinSession.getCurrent();
        return s == null ? Optional.empty() : Optional.ofNullable(s.getAttribute(ProvisioningQr.class));
    }
}
