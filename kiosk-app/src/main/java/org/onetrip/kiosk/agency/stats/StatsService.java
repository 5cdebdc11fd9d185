package org.onetrip.kiosk.agency.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import org.onetrip.kiosk.agency.ledger.Csv;
import org.onetrip.kiosk.agency.ledger.LedgerService;
import org.onetrip.store.ledger.CaseStatistics;
import org.onetrip.store.ledger.PeriodStats;

/** The statistics page's figures and their CSV. */
public final class StatsService {
    private final CaseStatistics statistics;
    private final Clock clock;
    private final ZoneId zone;

    public StatsService(CaseStatistics statistics, Clock clock, ZoneId zone) {
        this.statistics = statistics;
        this.clock = clock;
        this.zone = zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public List<PeriodStats> periods(CaseStatistics.Granularity granularity, LocalDate from, LocalDate to) {
        return statistics.periods(granularity, from, to);
    }

    /** "0.0%" or "—" without cases. */
    public static String share(PeriodStats s) {
        return s.oneTripShare().isPresent() ? String.format(Locale.ROOT, "%.1f%%", s.oneTripShare().getAsDouble() * 100)
                : "—";
    }

    public static String averageDays(PeriodStats s) {
        return s.averageDaysToFinish().isPresent()
                ? String.format(Locale.ROOT, "%.1f", s.averageDaysToFinish().getAsDouble()) : "—";
    }

    public static String byItem(PeriodStats s) {
        return s.byItem().entrySet().stream().map(e -> e.getKey() + "×" + e.getValue())
                .collect(Collectors.joining("；"));
    }

    /** "非常满意 2 / 满意 1 / …" from 5 down to 1, levels given at least once, in {@code t}'s language; "—" for none. */
    public static String ratings(PeriodStats s, ResourceBundle t) {
        List<String> parts = new ArrayList<>();
        for (int level = 5; level >= 1; level--) {
            if (s.ratings().get(level) > 0) {
                parts.add(t.getString("stats.rating." + level) + " " + s.ratings().get(level));
            }
        }
        return parts.isEmpty() ? "—" : String.join(" / ", parts);
    }

    public byte[] csv(List<PeriodStats> periods, Locale locale) {
        ResourceBundle t = LedgerService.words(locale);
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(t.getString("stats.col.period"), t.getString("stats.col.cases"),
                t.getString("stats.col.one-trip"), t.getString("stats.col.one-trip-share"),
                t.getString("stats.col.finished"), t.getString("stats.col.avg-days")));
        for (int level = 5; level >= 1; level--) {
            header.add(t.getString("stats.rating." + level));
        }
        header.add(t.getString("stats.col.by-item"));
        rows.add(header);
        for (PeriodStats s : periods) {
            List<String> row = new ArrayList<>(List.of(s.period(), String.valueOf(s.cases()),
                    String.valueOf(s.oneTrip()), share(s), String.valueOf(s.finished()), averageDays(s)));
            for (int level = 5; level >= 1; level--) {
                row.add(String.valueOf(s.ratings().get(level)));
            }
            row.add(byItem(s));
            rows.add(row);
        }
        return Csv.of(rows);
    }

    /** Totals of a list of periods, for the page's summary line. */
    public static Map<String, Integer> totals(List<PeriodStats> periods) {
        return Map.of("cases", periods.stream().mapToInt(PeriodStats::cases).sum(),
                "oneTrip", periods.stream().mapToInt(PeriodStats::oneTrip).sum(),
                "ratings", periods.stream().mapToInt(PeriodStats::ratingCount).sum());
    }
}
