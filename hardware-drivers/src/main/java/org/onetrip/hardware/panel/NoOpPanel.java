package org.onetrip.hardware.panel;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The panel of a machine without one (an x86 box, a Pi with nothing wired): lights and buzzer do nothing, no
 * inputs ever fire. It says so once in the log at start, with the reason, so nobody hunts for a broken LED.
 */
public final class NoOpPanel extends AbstractLifeCycle implements Panel {
    private static final Logger log = LoggerFactory.getLogger(NoOpPanel.class);
    private final String reason;

    public NoOpPanel(String reason) {
        this.reason = reason;
    }

    @Override
    public String name() {
        return "panel[none]";
    }

    public String reason() {
        return reason;
    }

    @Override
    protected void doStart() {
        log.info("{}: {}; status lights, buzzer, help button, tamper switch and presence sensor are not used",
                name(), reason);
    }

    @Override
    public void addListener(PanelListener listener) {
        // no inputs: nothing will ever be reported
    }

    @Override
    public void removeListener(PanelListener listener) {
        // nothing was kept
    }

    @Override
    public void show(Light light) {
        // no lights
    }

    @Override
    public void beep(Beep beep) {
        // no buzzer
    }

    @Override
    public String toString() {
        return name() + "@" + getState();
    }
}
