package org.onetrip.hardware.panel;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;

/**
 * The panel on Pi4J. It owns the context it is given (shut down at stop) and creates its pins at start from
 * {@link PanelPins}; absent pins are simply not used. Input changes reach listeners on Pi4J's event thread;
 * blinking and beeps are timed on the panel's own scheduler thread. The tamper switch's state at start is
 * reported too: a cabinet opened while the kiosk was off must not go unnoticed.
 */
public final class GpioPanel extends AbstractLifeCycle implements Panel {
    private static final Logger log = LoggerFactory.getLogger(GpioPanel.class);
    static final int BEEP_MILLIS = 120;
    static final int BLINK_MILLIS = 500;
    static final int FAST_BLINK_MILLIS = 150;

    /** Which Pi4J provider drives the real pins. */
    public enum Provider {
        /** the GPIO character device through libgpiod: works on every Pi including the 5, no root needed (gpio group) */
        GPIOD,
        /** the old sysfs interface, for kernels without the character device */
        LINUXFS
    }

    private final Context pi4j;
    private final PanelPins pins;
    private final String chip;
    private final List<PanelListener> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> blinking;
    private DigitalOutput statusLed;
    private DigitalOutput faultLed;
    private DigitalOutput buzzer;

    /**
     * @param pi4j a context built for this panel ({@link PanelContexts#hardware}, or a mock one in tests)
     * @param chip the chip's name, for messages
     */
    public GpioPanel(Context pi4j, PanelPins pins, String chip) {
        this.pi4j = pi4j;
        this.pins = pins;
        this.chip = chip;
    }

    @Override
    public String name() {
        return "panel[" + chip + " " + pins.byName() + "]";
    }

    @Override
    protected void doStart() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "panel");
            t.setDaemon(true);
            return t;
        });
        statusLed = output("status-led", pins.statusLed());
        faultLed = output("fault-led", pins.faultLed());
        buzzer = output("buzzer", pins.buzzer());
        input("help-button", pins.helpButton(), PullResistance.PULL_UP, state -> {
            if (state == DigitalState.LOW) {
                fire(new PanelEvent.HelpPressed());
            }
        });
        DigitalInput tamper = input("tamper-switch", pins.tamperSwitch(), PullResistance.PULL_UP,
                state -> fire(state == DigitalState.HIGH ? new PanelEvent.TamperOpened() : new PanelEvent.TamperClosed()));
        input("presence-sensor", pins.presenceSensor(), PullResistance.PULL_DOWN, state -> fire(
                state == DigitalState.HIGH ? new PanelEvent.PresenceDetected() : new PanelEvent.PresenceGone()));
        if (tamper != null && tamper.state() == DigitalState.HIGH) {
            log.warn("{}: the cabinet is open at start", name());
            fire(new PanelEvent.TamperOpened());
        }
    }

    @Override
    protected void doStop() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(2, TimeUnit.SECONDS);
        for (DigitalOutput out : new DigitalOutput[]{statusLed, faultLed, buzzer}) {
            if (out != null) {
                out.low();
            }
        }
        pi4j.shutdown();
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
    public synchronized void show(Light light) {
        if (!isRunning()) {
            return;
        }
        if (blinking != null) {
            blinking.cancel(false);
            blinking = null;
        }
        set(faultLed, light == Light.FAULT);
        switch (light) {
            case OFF -> set(statusLed, false);
            case READY -> set(statusLed, true);
            case BUSY -> blink(BLINK_MILLIS);
            case FAULT -> {
                if (faultLed == null) {
                    blink(FAST_BLINK_MILLIS);
                } else {
                    set(statusLed, false);
                }
            }
        }
    }

    @Override
    public void beep(Beep beep) {
        if (!isRunning() || buzzer == null) {
            return;
        }
        int count = beep == Beep.CONFIRM ? 1 : 3;
        for (int i = 0; i < count; i++) {
            timer.schedule(() -> set(buzzer, true), 2L * i * BEEP_MILLIS, TimeUnit.MILLISECONDS);
            timer.schedule(() -> set(buzzer, false), (2L * i + 1) * BEEP_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void blink(int millis) {
        if (statusLed != null) {
            blinking = timer.scheduleAtFixedRate(statusLed::toggle, 0, millis, TimeUnit.MILLISECONDS);
        }
    }

    private static void set(DigitalOutput out, boolean on) {
        if (out != null) {
            out.state(on ? DigitalState.HIGH : DigitalState.LOW);
        }
    }

    private DigitalOutput output(String id, OptionalInt pin) {
        if (pin.isEmpty()) {
            return null;
        }
        return pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(id).name(id).address(pin.getAsInt())
                .initial(DigitalState.LOW).shutdown(DigitalState.LOW).build());
    }

    private DigitalInput input(String id, OptionalInt pin, PullResistance pull,
                               java.util.function.Consumer<DigitalState> onChange) {
        if (pin.isEmpty()) {
            return null;
        }
        DigitalInput in = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(id).name(id).address(pin.getAsInt())
                .pull(pull).debounce((long) pins.debounceMillis() * 1000L, TimeUnit.MICROSECONDS).build());
        in.addListener(event -> onChange.accept(event.state()));
        return in;
    }

    private void fire(PanelEvent event) {
        for (PanelListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("{}: a listener failed on {}", name(), event.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public String toString() {
        return name() + "@" + getState();
    }
}
