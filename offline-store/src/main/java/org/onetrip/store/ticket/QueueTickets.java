package org.onetrip.store.ticket;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;
import org.onetrip.store.db.Instants;

/**
 * Issues the township hall's queue numbers: 1, 2, 3 … within a local day of {@code zone}, starting again at 1
 * the next day. The number and its audit entry are written in one transaction, so two screens never get the same
 * number and a restart continues where the day left off. No resident data is kept: a ticket is anonymous.
 */
public final class QueueTickets {
    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    public QueueTickets(Database db, AuditLog audit, Clock clock, ZoneId zone) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** A number issued: the day it counts in, the number, and when it was issued. */
    public record Ticket(LocalDate day, int number, Instant issuedAt) {
        /** The number as the hall calls it: at least three digits, e.g. {@code 007}. */
        public String display() {
            return String.format("%03d", number);
        }
    }

    private static final String NEXT = """
            INSERT INTO queue_ticket_day (day, last_number, issued_at) VALUES (?, 1, ?)
            ON CONFLICT (day) DO UPDATE SET last_number = last_number + 1, issued_at = excluded.issued_at
            RETURNING last_number
            """;

    private static final String LAST = "SELECT last_number FROM queue_ticket_day WHERE day = ?";

    /** Issues the next number of today. */
    public Ticket next() {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, zone);
        int number = db.inTransaction(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement(NEXT)) {
                ps.setString(1, day.toString());
                ps.setString(2, Instants.format(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n = rs.getInt(1);
                }
            }
            audit.append(c, "resident", "ticket.issued", day + "#" + n, "");
            return n;
        });
        return new Ticket(day, number, now);
    }

    /** How many numbers were issued today (0 before the first). */
    public int issuedToday() {
        String day = LocalDate.ofInstant(clock.instant(), zone).toString();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(LAST)) {
                ps.setString(1, day);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }
}
