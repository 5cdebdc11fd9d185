package org.onetrip.hardware.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SimulatedPanelTest {
    @Test
    void knobs_fire_the_same_events_as_the_gpio_panel_and_outputs_are_visible() throws Exception {
        SimulatedPanel panel = new SimulatedPanel();
        BlockingQueue<PanelEvent> events = new LinkedBlockingQueue<>();
        panel.addListener(events::add);
        panel.start();
        try {
            panel.pressHelp();
            panel.openCabinet();
            panel.closeCabinet();
            panel.personArrives();
            panel.personLeaves();
            for (Class<?> type : List.of(PanelEvent.HelpPressed.class, PanelEvent.TamperOpened.class,
                    PanelEvent.TamperClosed.class, PanelEvent.PresenceDetected.class, PanelEvent.PresenceGone.class)) {
                assertInstanceOf(type, events.poll(5, TimeUnit.SECONDS));
            }
            panel.show(Panel.Light.BUSY);
            panel.beep(Panel.Beep.CONFIRM);
            assertEquals(Panel.Light.BUSY, panel.light());
            assertEquals(List.of(Panel.Beep.CONFIRM), panel.beeps());
        } finally {
            panel.stop();
        }
        assertThrows(IllegalStateException.class, panel::pressHelp);
    }

    @Test
    void the_no_op_panel_starts_and_ignores_everything() throws Exception {
        NoOpPanel panel = new NoOpPanel("no pins configured and no GPIO on this machine");
        panel.start();
        panel.show(Panel.Light.FAULT);
        panel.beep(Panel.Beep.ALERT);
        assertEquals("panel[none]", panel.name());
        panel.stop();
        assertEquals(true, panel.isStopped());
    }
}
