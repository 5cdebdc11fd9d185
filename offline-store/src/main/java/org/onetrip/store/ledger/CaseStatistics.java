package org.onetrip.store.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.onetrip.store.db.Database;

/**
 * The point's statistics per day or month, in the terminal's zone. Each figure counts in the period of its own
 * event:
 * <ul>
 *   <li><b>cases</b> and <b>cases by item</b>: sealed at this terminal in the period;</li>
 *   <li><b>finished in one trip</b> (一次办结): of those cases, the ones the platform never sent back for
 *       correction (no NEEDS_CORRECTION in their history) and that left no material to bring later — the resident
 *       came once; the share is as known today (a later 补正 takes a case out);</li>
 *   <li><b>average days to finish</b>: over cases whose first DONE or DELIVERED fell in the period, the mean of
 *       (that moment − sealing) in days of 24 hours;</li>
 *   <li><b>ratings</b> (好差评, 5 非常满意 … 1 非常不满意): given in the period.</li>
 * </ul>
 * Submissions imported from another terminal's courier bundle are not this point's cases and are not counted.
 */
public final class CaseStatistics {
    /** Per day or per calendar month. */
    public enum Granularity { DAY, MONTH }

    private final Database db;
    private final ZoneId zone;

    public CaseStatistics(Database db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    /** A case as the statistics see it. */
    record CaseFacts(Instant sealedAt, String itemName, boolean oneTrip, Instant finishedAt) {
    }

    private static final String CASES = """
            SELECT s.sealed_at, s.item_name,
                   s.still_to_bring = ''
                     AND NOT EXISTS (SELECT 1 FROM status_history h
                                     WHERE h.submission_id = s.id AND h.status = 'NEEDS_CORRECTION') AS one_trip,
                   (SELECT min(h.at) FROM status_history h
                     WHERE h.submission_id = s.id AND h.status IN ('DONE', 'DELIVERED')) AS finished_at
            FROM submission s
            WHERE NOT EXISTS (SELECT 1 FROM courier_import i WHERE i.submission_id = s.id)
            """;
    private static final String RATINGS = """
            SELECT e.rating, e.created_at FROM evaluation e
            WHERE NOT EXISTS (SELECT 1 FROM courier_import i WHERE i.submission_id = e.submission_id)
            """;

    /** The periods from {@code first} to {@code last} (inclusive, local dates), oldest first, empty ones included. */
    public List<PeriodStats> periods(Granularity granularity, LocalDate first, LocalDate last) {
        TreeMap<String, PeriodStats.Builder> periods = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            periods.computeIfAbsent(key(granularity, d), PeriodStats.Builder::new);
        }
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(CASES); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant sealed = Instant.parse(rs.getString(1));
                    PeriodStats.Builder p = periods.get(key(granularity, sealed));
                    if (p != null) {
                        p.sealed(rs.getString(2), rs.getInt(3) == 1);
                    }
                    String finished = rs.getString(4);
                    if (finished != null) {
                        Instant at = Instant.parse(finished);
                        PeriodStats.Builder f = periods.get(key(granularity, at));
                        if (f != null) {
                            f.finished(Duration.between(sealed, at));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(RATINGS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PeriodStats.Builder p = periods.get(key(granularity, Instant.parse(rs.getString(2))));
                    if (p != null) {
                        p.rated(rs.getInt(1));
                    }
                }
            }
            return null;
        });
        List<PeriodStats> out = new ArrayList<>();
        periods.values().forEach(b -> out.add(b.build()));
        return out;
    }

    private String key(Granularity g, Instant at) {
        return key(g, LocalDate.ofInstant(at, zone));
    }

    private static String key(Granularity g, LocalDate day) {
        return g == Granularity.DAY ? day.toString() : YearMonth.from(day).toString();
    }
}
