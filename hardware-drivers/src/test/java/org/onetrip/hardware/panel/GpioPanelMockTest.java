package org.onetrip.hardware.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;

/** Every panel event and output through Pi4J's mock provider, which fires the same events real pins do. */
class GpioPanelMockTest {
    private static final PanelPins ALL = new PanelPins(OptionalInt.of(17), OptionalInt.of(27), OptionalInt.of(22),
            OptionalInt.of(5), OptionalInt.of(6), OptionalInt.of(13), 30);

    private final BlockingQueue<PanelEvent> events = new LinkedBlockingQueue<>();
    private Context pi4j;
    private GpioPanel panel;

    private void start(PanelPins pins) throws Exception {
        pi4j = Pi4J.newContextBuilder().noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
        panel = new GpioPanel(pi4j, pins, "gpiochip0");
        panel.addListener(events::add);
        panel.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (panel != null) {
            panel.stop();
        }
    }

    private MockDigitalInput input(String id) {
        return (MockDigitalInput) pi4j.registry().get(id);
    }

    private DigitalOutput output(String id) {
        return pi4j.registry().get(id);
    }

    private PanelEvent next() throws InterruptedException {
        PanelEvent e = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(e, "no panel event within 5 s");
        return e;
    }

    @Test
    void pressing_the_help_button_pulls_it_low_and_is_reported_once() throws Exception {
        start(ALL);
        input("help-button").mockState(DigitalState.HIGH);
        input("help-button").mockState(DigitalState.LOW);
        input("help-button").mockState(DigitalState.HIGH);

        assertInstanceOf(PanelEvent.HelpPressed.class, next());
        assertNull(events.poll(100, TimeUnit.MILLISECONDS), "releasing it says nothing");
    }

    @Test
    void the_cabinet_door_opening_and_closing_are_reported() throws Exception {
        start(ALL);
        input("tamper-switch").mockState(DigitalState.HIGH);
        input("tamper-switch").mockState(DigitalState.LOW);

        assertInstanceOf(PanelEvent.TamperOpened.class, next());
        assertInstanceOf(PanelEvent.TamperClosed.class, next());
    }

    @Test
    void a_person_arriving_and_leaving_is_reported() throws Exception {
        start(ALL);
        input("presence-sensor").mockState(DigitalState.HIGH);
        input("presence-sensor").mockState(DigitalState.LOW);

        assertInstanceOf(PanelEvent.PresenceDetected.class, next());
        assertInstanceOf(PanelEvent.PresenceGone.class, next());
    }

    @Test
    void ready_lights_the_status_led_and_fault_the_fault_led() throws Exception {
        start(ALL);
        panel.show(Panel.Light.READY);
        assertEquals(DigitalState.HIGH, output("status-led").state());
        assertEquals(DigitalState.LOW, output("fault-led").state());

        panel.show(Panel.Light.FAULT);
        assertEquals(DigitalState.LOW, output("status-led").state());
        assertEquals(DigitalState.HIGH, output("fault-led").state());

        panel.show(Panel.Light.OFF);
        assertEquals(DigitalState.LOW, output("status-led").state());
        assertEquals(DigitalState.LOW, output("fault-led").state());
    }

    @Test
    void busy_blinks_the_status_led() throws Exception {
        start(ALL);
        List<DigitalState> seen = new CopyOnWriteArrayList<>();
        output("status-led").addListener(e -> seen.add(e.state()));
        panel.show(Panel.Light.BUSY);
        awaitSize(seen, 3);
        assertTrue(seen.contains(DigitalState.HIGH) && seen.contains(DigitalState.LOW), seen.toString());
    }

    @Test
    void a_beep_switches_the_buzzer_on_then_off_and_an_alert_three_times() throws Exception {
        start(ALL);
        List<DigitalState> seen = new CopyOnWriteArrayList<>();
        output("buzzer").addListener(e -> seen.add(e.state()));
        panel.beep(Panel.Beep.CONFIRM);
        awaitSize(seen, 2);
        assertEquals(List.of(DigitalState.HIGH, DigitalState.LOW), seen);

        seen.clear();
        panel.beep(Panel.Beep.ALERT);
        awaitSize(seen, 6);
        assertEquals(3, seen.stream().filter(s -> s == DigitalState.HIGH).count());
        assertEquals(DigitalState.LOW, output("buzzer").state());
    }

    @Test
    void only_configured_pins_are_created_and_missing_outputs_are_ignored() throws Exception {
        start(new PanelPins(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(5),
                OptionalInt.empty(), OptionalInt.empty(), 30));
        panel.show(Panel.Light.FAULT);
        panel.beep(Panel.Beep.ALERT);
        assertTrue(pi4j.registry().exists("help-button"));
        assertTrue(!pi4j.registry().exists("status-led") && !pi4j.registry().exists("buzzer"));
    }

    @Test
    void stopping_turns_every_output_off_and_shuts_the_context_down() throws Exception {
        start(ALL);
        panel.show(Panel.Light.READY);
        panel.stop();
        assertTrue(panel.isStopped());
        assertTrue(pi4j.isShutdown());
        panel = null;
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (list.size() < size) {
            assertTrue(System.nanoTime() < deadline, "only " + list);
            Thread.sleep(10); // bounded wait for the panel's timer thread
        }
    }
}
