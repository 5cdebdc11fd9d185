package org.onetrip.hardware.panel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A panel without hardware for demo mode and tests: knobs press the help button, open the cabinet or bring a
 * person; {@link #light()} and {@link #beeps()} show what the lights and buzzer were told.
 */
public final class SimulatedPanel extends AbstractLifeCycle implements Panel {
    private static final Logger log = LoggerFactory.getLogger(SimulatedPanel.class);
    private final List<PanelListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Beep> beeps = new CopyOnWriteArrayList<>();
    private volatile Light light = Light.OFF;
    private ExecutorService events;

    @Override
    public String name() {
        return "panel[simulated]";
    }

    @Override
    protected void doStart() {
        events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "panel-simulated");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    protected void doStop() throws InterruptedException {
        events.shutdown();
        if (!events.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn("{}: events still queued at stop", name());
        }
    }

    @Override
    public void addListener(PanelListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(PanelListener listener) {
        listeners.remove(listener);
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
        if (!isRunning()) {
            throw new IllegalStateException(name() + ": not started");
        }
        events.execute(() -> listeners.forEach(l -> {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("{}: a listener failed", name(), e);
            }
        }));
    }

    @Override
    public String toString() {
        return name() + "@" + getState();
    }
}
