package org.onetrip.kiosk.identify;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

/**
 * Whether a screen is the terminal's own: its browser reached the web server over loopback, as the kiosk's
 * Chromium does. A LAN-mode tablet's does not, and gets no card reads or hardware scans.
 */
public final class TerminalScreen {
    private TerminalScreen() {
    }

    /** A UI whose session's browser came from a loopback address; an unknown address is not local. */
    public static boolean isLocal(UI ui) {
        VaadinSession session = ui.getSession();
        return session != null && isLoopback(session.getBrowser().getAddress());
    }

    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        return a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1");
    }
}
