package org.onetrip.hardware.panel;

import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The kiosk's own small hardware: lights that tell a passer-by whether it works, a buzzer, and the inputs that
 * tell us about people and the cabinet.
 */
public interface Panel extends LifeCycle {
    String name();

    void addListener(PanelListener listener);

    void removeListener(PanelListener listener);

    /** Sets the status lights. */
    void show(Light light);

    /** Sounds the buzzer; returns at once. */
    void beep(Beep beep);

    enum Light {
        OFF,
        /** status LED steady: ready for the next resident */
        READY,
        /** status LED blinking: working (printing, syncing) */
        BUSY,
        /** fault LED on (or the status LED blinking fast when there is no fault LED): needs a technician */
        FAULT
    }

    enum Beep {
        /** one short beep: a card was read, a code scanned */
        CONFIRM,
        /** three short beeps: something needs attention */
        ALERT
    }
}
