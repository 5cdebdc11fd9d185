package org.onetrip.hardware.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.SimulatedIdCardReader;
import org.onetrip.hardware.qr.SimulatedQrScanner;

class PanelFeedbackTest {
    private final SimulatedPanel panel = new SimulatedPanel();
    private final SimulatedIdCardReader reader = new SimulatedIdCardReader();
    private final SimulatedQrScanner scanner = new SimulatedQrScanner();
    private final PanelFeedback feedback = new PanelFeedback(panel, reader, Optional.of(scanner));

    @BeforeEach
    void start() throws Exception {
        panel.start();
        reader.start();
        scanner.start();
        feedback.start();
    }

    @AfterEach
    void stop() throws Exception {
        feedback.stop();
        scanner.stop();
        reader.stop();
        panel.stop();
        assertEquals(Panel.Light.OFF, panel.light());
    }

    @Test
    void ready_at_start_one_beep_for_a_card_or_a_scan_three_for_an_unreadable_card() throws Exception {
        assertEquals(Panel.Light.READY, panel.light());
        reader.insertCard(DemoCards.all().getFirst());
        scanner.scan("ZW1:ABC");
        reader.insertUnreadableCard("READ_FAILED");
        await(() -> panel.beeps().size() == 3);
        assertTrue(panel.beeps().containsAll(List.of(Panel.Beep.CONFIRM, Panel.Beep.ALERT)), panel.beeps().toString());
        assertEquals(1, panel.beeps().stream().filter(b -> b == Panel.Beep.ALERT).count());
    }

    @Test
    void the_fault_light_follows_the_reader() throws Exception {
        reader.fault("device gone");
        await(() -> panel.light() == Panel.Light.FAULT);
        reader.recover();
        await(() -> panel.light() == Panel.Light.READY);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 5 s");
            Thread.sleep(10); // bounded wait for the simulators' event threads
        }
    }
}
