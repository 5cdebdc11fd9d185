package org.onetrip.kiosk.technician;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.uplink.Sm2;

class TechnicianServiceTest {
    @TempDir
    Path dir;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-20T02:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void the_pin_is_checked_against_the_provisioned_roster_and_not_the_demo_pin() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/staff.json"), "[{\"id\":\"t1\",\"role\":\"technician\",\"pinSalt\":\"s1\","
                + "\"pinSm3\":\"" + Sm2.sm3Hex("s1731904".getBytes(StandardCharsets.UTF_8)) + "\"}]");
        TechnicianService service = new TechnicianService(dir, clock, null);

        assertEquals(TechnicianService.PinResult.WRONG, service.checkPin(TechnicianService.DEMO_PIN));
        assertEquals(TechnicianService.PinResult.ACCEPTED, service.checkPin("731904"));
    }

    @Test
    void five_wrong_pins_lock_technician_mode_for_five_minutes() {
        TechnicianService service = new TechnicianService(dir, clock, null);
        for (int i = 1; i < TechnicianService.MAX_ATTEMPTS; i++) {
            assertEquals(TechnicianService.PinResult.WRONG, service.checkPin("0000"));
        }
        assertEquals(TechnicianService.PinResult.LOCKED, service.checkPin("0000"));
        assertEquals(TechnicianService.PinResult.LOCKED, service.checkPin(TechnicianService.DEMO_PIN),
                "locked even with the right PIN");

        now.set(now.get().plus(TechnicianService.LOCKOUT).plusSeconds(1));
        assertEquals(TechnicianService.PinResult.ACCEPTED, service.checkPin(TechnicianService.DEMO_PIN));
    }

    @Test
    void five_taps_within_three_seconds_open_it_and_slow_taps_do_not() {
        TechnicianGesture gesture = new TechnicianGesture(clock);
        for (int i = 0; i < 4; i++) {
            assertFalse(gesture.tap());
            now.set(now.get().plus(Duration.ofMillis(900)));
        }
        assertFalse(gesture.tap(), "the fifth tap came 3.6 s after the first: it starts a new count");
        for (int i = 0; i < 3; i++) {
            assertFalse(gesture.tap());
        }
        assertTrue(gesture.tap());
    }

    @Test
    void the_log_tail_is_the_last_lines_of_the_newest_log() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/onetrip.log"), "a\nb\nc\n");
        assertEquals(java.util.List.of("b", "c"), new TechnicianService(dir, clock, null).logTail(2));
    }
}
