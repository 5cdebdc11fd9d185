package org.onetrip.store.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.feedback.FeedbackStore;
import org.onetrip.store.retention.RetentionPurge;
import org.onetrip.store.submission.SubmissionStatus;
import org.onetrip.store.testing.StoreFixture;

/**
 * A point's generated history of 60 days, looked at 40 days after its last seal: the purge takes exactly the cases
 * the platform finished more than 30 days ago and that left the outbox, and the ledger and the statistics read the
 * same before and after (but for the purged cases' phones).
 */
class StatisticsAfterPurgeTest {
    static final Duration RETENTION = Duration.ofDays(30);
    static final Set<SubmissionStatus> FINAL = EnumSet.of(SubmissionStatus.DONE, SubmissionStatus.DELIVERED,
            SubmissionStatus.REJECTED);

    @TempDir
    Path dir;
    private StoreFixture f;
    private GeneratedHistories histories;
    private final Set<UUID> stillQueued = new HashSet<>();

    @BeforeEach
    void replay() {
        f = new StoreFixture(dir.resolve("store.db"));
        histories = new GeneratedHistories(11, 160);
        FeedbackStore feedback = new FeedbackStore(f.db, f.audit, f.clock, StoreFixture.TERMINAL_ID, UUID::randomUUID);
        histories.applyTo(f, feedback);
        int i = 0;
        for (GeneratedHistories.Case c : histories.cases) {
            if (i++ % 9 == 0) {
                stillQueued.add(c.id()); // the platform reported on it, but this terminal never heard its upload end
            } else {
                f.outbox.sent(c.id(), "P-" + c.id(), c.statuses().getFirst().at());
            }
        }
        for (var due : feedback.due(GeneratedHistories.FIRST.plus(Duration.ofDays(365)), 1000)) {
            feedback.sent(due.id(), f.clock.instant());
        }
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void the_purge_takes_exactly_the_cases_finished_before_the_cutoff_and_ledger_and_statistics_stay_the_same() {
        f.clock.set(GeneratedHistories.FIRST.plus(Duration.ofDays(100)));
        Instant cutoff = f.clock.instant().minus(RETENTION);
        Set<UUID> expected = new HashSet<>();
        for (GeneratedHistories.Case c : histories.cases) {
            GeneratedHistories.Status last = c.statuses().getLast();
            if (FINAL.contains(last.status()) && last.at().isBefore(cutoff) && !stillQueued.contains(c.id())) {
                expected.add(c.id());
            }
        }
        assertTrue(expected.size() > 20 && expected.size() < histories.cases.size() - 20,
                "the history has cases on both sides of the cutoff: " + expected.size());
        CaseStatistics statistics = new CaseStatistics(f.db, GeneratedHistories.ZONE);
        LedgerStore ledger = new LedgerStore(f.db, f.audit, GeneratedHistories.ZONE);
        LocalDate first = LocalDate.of(2026, 2, 20);
        LocalDate last = LocalDate.of(2026, 6, 30);
        LocalDate today = LocalDate.ofInstant(f.clock.instant(), GeneratedHistories.ZONE);
        var daysBefore = statistics.periods(CaseStatistics.Granularity.DAY, first, last);
        var monthsBefore = statistics.periods(CaseStatistics.Granularity.MONTH, first, last);
        List<LedgerCase> casesBefore = ledger.cases(LedgerFilter.all(), today);
        var itemsBefore = ledger.items();

        RetentionPurge.Result result = new RetentionPurge(f.db, f.audit, f.store.attachments(), f.clock, RETENTION)
                .run();

        Set<UUID> purged = new HashSet<>();
        f.rows("SELECT id FROM submission WHERE purged_at IS NOT NULL")
                .forEach(r -> purged.add(UUID.fromString(r.get("id"))));
        assertEquals(expected, purged);
        assertEquals(expected.size(), result.submissions());
        assertTrue(result.evaluations() > 0, "ratings of purged cases were purged");
        assertEquals(daysBefore, statistics.periods(CaseStatistics.Granularity.DAY, first, last));
        assertEquals(monthsBefore, statistics.periods(CaseStatistics.Granularity.MONTH, first, last));
        assertEquals(itemsBefore, ledger.items());
        List<LedgerCase> casesAfter = ledger.cases(LedgerFilter.all(), today);
        assertEquals(casesBefore.size(), casesAfter.size());
        for (int i = 0; i < casesBefore.size(); i++) {
            LedgerCase before = casesBefore.get(i);
            LedgerCase after = casesAfter.get(i);
            boolean gone = purged.contains(before.id());
            assertEquals(gone ? "" : before.phone(), after.phone());
            assertEquals(withoutPhone(before), withoutPhone(after));
        }
        assertEquals(casesBefore.stream().filter(LedgerCase::closed).count(),
                casesAfter.stream().filter(LedgerCase::closed).count());
    }

    private static LedgerCase withoutPhone(LedgerCase c) {
        return new LedgerCase(c.id(), c.taskCode(), c.itemName(), c.applicantMask(), "", c.sealedAt(), c.promisedBy(),
                c.status(), c.statusAt(), c.projectNo(), c.statusNote(), c.correctionNote(), c.stillToBring(),
                c.couriered(), c.today());
    }
}
