package org.onetrip.store.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.testing.StoreFixture;

class QueueTicketsTest {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path directory;
    private StoreFixture fixture;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory.resolve("store.db"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void numbers_count_up_within_a_day_and_start_again_at_one_the_next_local_day() {
        QueueTickets tickets = new QueueTickets(fixture.db, fixture.audit, fixture.clock, CHINA);
        assertEquals(0, tickets.issuedToday());
        assertEquals(1, tickets.next().number());
        assertEquals(2, tickets.next().number());
        QueueTickets.Ticket third = tickets.next();
        assertEquals("003", third.display());
        assertEquals(3, tickets.issuedToday());

        // START is 09:00 in China; 15 hours later it is midnight there, a new day for the hall.
        fixture.clock.advance(Duration.ofHours(15));
        QueueTickets.Ticket tomorrow = tickets.next();
        assertEquals(1, tomorrow.number());
        assertEquals(third.day().plusDays(1), tomorrow.day());
    }

    @Test
    void a_restart_continues_the_day_instead_of_repeating_a_number() {
        new QueueTickets(fixture.db, fixture.audit, fixture.clock, CHINA).next();
        new QueueTickets(fixture.db, fixture.audit, fixture.clock, CHINA).next();
        fixture.close();
        fixture = new StoreFixture(directory.resolve("store.db"), fixture.clock);
        assertEquals(3, new QueueTickets(fixture.db, fixture.audit, fixture.clock, CHINA).next().number());
    }
}
