package org.onetrip.hardware.panel;

/** What the panel's inputs report. */
public sealed interface PanelEvent {
    /** Someone pressed the help button (求助). */
    record HelpPressed() implements PanelEvent {
    }

    /** The cabinet door opened (also reported at start when it is already open). */
    record TamperOpened() implements PanelEvent {
    }

    record TamperClosed() implements PanelEvent {
    }

    /** Someone stepped up to the kiosk: wake the screen. */
    record PresenceDetected() implements PanelEvent {
    }

    record PresenceGone() implements PanelEvent {
    }
}
