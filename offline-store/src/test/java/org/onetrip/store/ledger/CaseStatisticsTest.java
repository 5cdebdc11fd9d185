package org.onetrip.store.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.feedback.FeedbackStore;
import org.onetrip.store.submission.SubmissionStatus;
import org.onetrip.store.testing.StoreFixture;

/** Statistics per day and month on generated histories, against loops over the generated events. */
class CaseStatisticsTest {
    @TempDir
    Path dir;
    private StoreFixture f;
    private GeneratedHistories histories;
    private CaseStatistics statistics;

    @BeforeEach
    void setUp() {
        f = new StoreFixture(dir.resolve("store.db"));
        histories = new GeneratedHistories(7, 140);
        histories.applyTo(f, new FeedbackStore(f.db, f.audit, f.clock, StoreFixture.TERMINAL_ID, UUID::randomUUID));
        statistics = new CaseStatistics(f.db, GeneratedHistories.ZONE);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, GeneratedHistories.ZONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DAY", "MONTH"})
    void every_figure_matches_a_straightforward_count_of_the_generated_events(String granularity) {
        CaseStatistics.Granularity g = CaseStatistics.Granularity.valueOf(granularity);
        Function<Instant, String> key = g == CaseStatistics.Granularity.DAY ? at -> day(at).toString()
                : at -> YearMonth.from(day(at)).toString();
        LocalDate first = LocalDate.of(2026, 3, 1);
        LocalDate last = LocalDate.of(2026, 5, 31);
        List<PeriodStats> periods = statistics.periods(g, first, last);

        Map<String, Integer> cases = new TreeMap<>();
        Map<String, Map<String, Integer>> byItem = new TreeMap<>();
        Map<String, Integer> oneTrip = new TreeMap<>();
        Map<String, Integer> finished = new TreeMap<>();
        Map<String, Long> finishSeconds = new TreeMap<>();
        Map<String, Map<Integer, Integer>> ratings = new TreeMap<>();
        for (GeneratedHistories.Case c : histories.cases) {
            String p = key.apply(c.sealedAt());
            cases.merge(p, 1, Integer::sum);
            byItem.computeIfAbsent(p, k -> new TreeMap<>()).merge(c.itemName(), 1, Integer::sum);
            boolean corrected = false;
            Instant done = null;
            for (GeneratedHistories.Status s : c.statuses()) {
                if (s.status() == SubmissionStatus.NEEDS_CORRECTION) {
                    corrected = true;
                }
                if (done == null && (s.status() == SubmissionStatus.DONE || s.status() == SubmissionStatus.DELIVERED)) {
                    done = s.at();
                }
            }
            if (!corrected && c.stillToBring().isEmpty()) {
                oneTrip.merge(p, 1, Integer::sum);
            }
            if (done != null) {
                finished.merge(key.apply(done), 1, Integer::sum);
                finishSeconds.merge(key.apply(done), Duration.between(c.sealedAt(), done).toSeconds(), Long::sum);
            }
            for (Map.Entry<Integer, Instant> r : c.ratings()) {
                ratings.computeIfAbsent(key.apply(r.getValue()), k -> new TreeMap<>()).merge(r.getKey(), 1,
                        Integer::sum);
            }
        }

        int totalCases = 0;
        for (PeriodStats s : periods) {
            String p = s.period();
            assertEquals(cases.getOrDefault(p, 0), s.cases(), "cases " + p);
            assertEquals(byItem.getOrDefault(p, Map.of()), s.byItem(), "by item " + p);
            assertEquals(oneTrip.getOrDefault(p, 0), s.oneTrip(), "one trip " + p);
            assertEquals(finished.getOrDefault(p, 0), s.finished(), "finished " + p);
            if (s.finished() > 0) {
                assertEquals(finishSeconds.get(p) / 86_400.0 / finished.get(p), s.averageDaysToFinish().getAsDouble(),
                        1e-9, "average days " + p);
            } else {
                assertTrue(s.averageDaysToFinish().isEmpty());
            }
            for (int level = 1; level <= 5; level++) {
                assertEquals(ratings.getOrDefault(p, Map.of()).getOrDefault(level, 0), s.ratings().get(level),
                        "rating " + level + " in " + p);
            }
            totalCases += s.cases();
        }
        assertEquals(histories.cases.size(), totalCases, "every generated case falls in the range");
        assertEquals(g == CaseStatistics.Granularity.DAY ? 92 : 3, periods.size(), "empty periods are listed too");
    }

    @Test
    void a_correction_round_or_material_still_to_bring_means_not_finished_in_one_trip() {
        long expected = histories.cases.stream().filter(c -> c.stillToBring().isEmpty()
                && c.statuses().stream().noneMatch(s -> s.status() == SubmissionStatus.NEEDS_CORRECTION)).count();
        int counted = statistics.periods(CaseStatistics.Granularity.MONTH, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 30)).stream().mapToInt(PeriodStats::oneTrip).sum();
        assertEquals(expected, counted);
        assertTrue(expected < histories.cases.size() && expected > 0, "the generated data has both kinds");
    }
}
