package org.onetrip.hardware.panel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.onetrip.hardware.events.EventThread;

/**
 * A panel without hardware for demo mode and tests: knobs press the help button, open the cabinet or bring a
 * person; {@link #light()} and {@link #beeps()} show what the lights and buzzer were told.
 */
public final class SimulatedPanel extends AbstractLifeCycle implements Panel {
    private static final String NAME = "panel[simulated]";
    private final List<Beep> beeps = new CopyOnWriteArrayList<>();
    private volatile Light light = Light.OFF;
    private final EventThread<PanelListener> events = new EventThread<>(NAME, "panel-simulated");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected void doStart() {
        events.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        events.stop();
    }

    @Override
    public void addListener(PanelListener listener) {
        events.add(listener);
    }

    @Override
    public void removeListener(PanelListener listener) {
        events.remove(listener);
    }

    @Override
    public void show(Light light) {
        this.light = light;
    }

    @Override
    public void beep(Beep beep) {
        beeps.add(beep);
    }

    public Light light() {
        return light;
    }

    public List<Beep> beeps() {
        return List.copyOf(beeps);
    }

    public void pressHelp() {
        fire(new PanelEvent.HelpPressed());
    }

    public void openCabinet() {
        fire(new PanelEvent.TamperOpened());
    }

    public void closeCabinet() {
        fire(new PanelEvent.TamperClosed());
    }

    public void personArrives() {
        fire(new PanelEvent.PresenceDetected());
    }

    public void personLeaves() {
        fire(new PanelEvent.PresenceGone());
    }

    private void fire(PanelEvent event) {
        events.fire(l -> l.onEvent(event), event.getClass().getSimpleName());
    }

    @Override
    public String toString() {
        return name() + "@" + getState();
    }
}
