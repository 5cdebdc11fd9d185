package org.onetrip.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class IdleTimerTest {
    private final HandClock clock = new HandClock();
    private final IdleTimer timer = new IdleTimer(clock, Duration.ofSeconds(60));

    @Test
    void the_countdown_shows_only_in_the_last_twenty_seconds_and_counts_whole_seconds() {
        clock.advance(Duration.ofSeconds(39));
        assertFalse(timer.warning());
        clock.advance(Duration.ofMillis(1500));
        assertTrue(timer.warning());
        assertEquals(20, timer.secondsLeft(), "19.5 s left shows as 20");
        clock.advance(Duration.ofMillis(19_500));
        assertTrue(timer.expired());
        assertFalse(timer.warning(), "an expired timer wipes, it does not warn");
    }

    @Test
    void a_touch_starts_the_full_wait_again() {
        clock.advance(Duration.ofSeconds(59));
        timer.activity();
        clock.advance(Duration.ofSeconds(59));
        assertFalse(timer.expired());
        assertEquals(Duration.ofSeconds(1), timer.remaining());
    }

    @Test
    void a_print_or_card_read_stops_the_clock_and_the_full_wait_follows_it() {
        clock.advance(Duration.ofSeconds(50));
        timer.pause();
        clock.advance(Duration.ofMinutes(5));
        assertFalse(timer.expired());
        assertFalse(timer.warning());
        timer.resume();
        assertEquals(Duration.ofSeconds(60), timer.remaining(), "nobody is sent home the moment a slow print ends");
        assertFalse(timer.paused());
    }

    @Test
    void nested_pauses_hold_until_the_last_one_ends() {
        timer.pause();
        timer.pause();
        timer.resume();
        clock.advance(Duration.ofMinutes(2));
        assertTrue(timer.paused());
        assertFalse(timer.expired());
    }

    @Test
    void a_short_timeout_warns_for_its_last_third() {
        IdleTimer shortOne = new IdleTimer(clock, Duration.ofSeconds(3));
        clock.advance(Duration.ofMillis(1900));
        assertFalse(shortOne.warning());
        clock.advance(Duration.ofMillis(200));
        assertTrue(shortOne.warning());
        assertThrows(IllegalArgumentException.class, () -> new IdleTimer(clock, Duration.ZERO));
    }
}
