package org.onetrip.kiosk.panel;

import java.util.function.Consumer;

import org.onetrip.hardware.panel.Panel;
import org.onetrip.hardware.panel.PanelEvent;
import org.onetrip.hardware.panel.PanelListener;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;

/**
 * Brings the panel's presence sensor and help button to a screen, on its UI thread through {@code ui.access}.
 * The cabinet's tamper switch is not for residents' screens and is left to the technician's tools.
 */
public final class PanelEvents {
    private final Panel panel;

    public PanelEvents(Panel panel) {
        this.panel = panel;
    }

    /**
     * @param onPresence true when someone stepped up to the kiosk, false when they left
     * @param onHelp     the help button was pressed
     */
    public Registration subscribe(UI ui, Consumer<Boolean> onPresence, Runnable onHelp) {
        PanelListener listener = event -> {
            Runnable action = switch (event) {
                case PanelEvent.PresenceDetected ignored -> () -> onPresence.accept(true);
                case PanelEvent.PresenceGone ignored -> () -> onPresence.accept(false);
                case PanelEvent.HelpPressed ignored -> onHelp;
                case PanelEvent.TamperOpened ignored -> null;
                case PanelEvent.TamperClosed ignored -> null;
            };
            if (action != null) {
                try {
                    ui.access(action::run);
                } catch (UIDetachedException e) {
                    // the page is gone; its registration is removed when it detaches
                }
            }
        };
        panel.addListener(listener);
        return () -> panel.removeListener(listener);
    }
}
