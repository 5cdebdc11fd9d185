package org.onetrip.kiosk.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.onetrip.kiosk.KioskApplication;

/** A clock the test moves by hand, in China's zone, so no test waits for a timeout. */
public final class HandClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-23T02:00:00Z");

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return KioskApplication.CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("HandClock keeps China's zone");
    }
}
