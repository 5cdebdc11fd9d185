package org.onetrip.store.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.feedback.FeedbackStore;
import org.onetrip.store.submission.SubmissionStatus;
import org.onetrip.store.testing.StoreFixture;

/** The ledger on generated histories, against a straightforward computation from the generated events. */
class LedgerStoreTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 10);

    @TempDir
    Path dir;
    private StoreFixture f;
    private GeneratedHistories histories;
    private LedgerStore ledger;

    @BeforeEach
    void setUp() {
        f = new StoreFixture(dir.resolve("store.db"));
        histories = new GeneratedHistories(42, 160);
        histories.applyTo(f, new FeedbackStore(f.db, f.audit, f.clock, StoreFixture.TERMINAL_ID, UUID::randomUUID));
        ledger = new LedgerStore(f.db, f.audit, GeneratedHistories.ZONE);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static SubmissionStatus finalStatus(GeneratedHistories.Case c) {
        return c.statuses().getLast().status();
    }

    private static boolean open(GeneratedHistories.Case c) {
        SubmissionStatus s = finalStatus(c);
        return s != SubmissionStatus.DONE && s != SubmissionStatus.DELIVERED && s != SubmissionStatus.REJECTED;
    }

    private List<UUID> expected(Predicate<GeneratedHistories.Case> which) {
        return histories.cases.stream().filter(which)
                .sorted(Comparator.comparing(GeneratedHistories.Case::sealedAt).reversed()
                        .thenComparing(GeneratedHistories.Case::id))
                .map(GeneratedHistories.Case::id).toList();
    }

    private static List<UUID> ids(List<LedgerCase> cases) {
        return cases.stream().map(LedgerCase::id).toList();
    }

    @Test
    void every_case_is_listed_newest_first_with_its_state_promise_phone_and_latest_correction_note() {
        List<LedgerCase> all = ledger.cases(LedgerFilter.all(), TODAY);
        assertEquals(expected(c -> true), ids(all));
        for (LedgerCase row : all) {
            GeneratedHistories.Case c = histories.cases.stream().filter(x -> x.id().equals(row.id())).findFirst()
                    .orElseThrow();
            assertEquals(finalStatus(c), row.status());
            assertEquals(c.promisedBy(), row.promisedBy());
            assertEquals(c.phone(), row.phone());
            assertEquals(c.stillToBring(), row.stillToBring());
            Optional<String> note = c.statuses().stream().filter(s -> s.status() == SubmissionStatus.NEEDS_CORRECTION)
                    .reduce((x, y) -> y).map(GeneratedHistories.Status::note);
            assertEquals(note, row.correctionNote());
            assertEquals(open(c) && c.promisedBy().isBefore(TODAY), row.overdue(), "overdue of " + c.id());
            if (open(c)) {
                assertEquals(TODAY.until(c.promisedBy(), java.time.temporal.ChronoUnit.DAYS),
                        row.daysLeft().orElseThrow());
            } else {
                assertTrue(row.daysLeft().isEmpty());
            }
            assertFalse(row.applicantMask().contains("19480312"), "the ledger holds only the masked ID");
        }
    }

    @Test
    void filters_by_state_item_sealing_dates_and_overdue_match_the_straightforward_selection() {
        assertEquals(expected(c -> finalStatus(c) == SubmissionStatus.NEEDS_CORRECTION),
                ids(ledger.cases(LedgerFilter.all().withStatus(SubmissionStatus.NEEDS_CORRECTION), TODAY)));
        String item = GeneratedHistories.ITEMS[1][0];
        assertEquals(expected(c -> c.taskCode().equals(item)),
                ids(ledger.cases(LedgerFilter.all().withTaskCode(item), TODAY)));
        LocalDate from = LocalDate.of(2026, 3, 10);
        LocalDate to = LocalDate.of(2026, 3, 20);
        Predicate<GeneratedHistories.Case> inRange = c -> {
            LocalDate d = LocalDate.ofInstant(c.sealedAt(), GeneratedHistories.ZONE);
            return !d.isBefore(from) && !d.isAfter(to);
        };
        assertEquals(expected(inRange), ids(ledger.cases(LedgerFilter.all().sealedBetween(from, to), TODAY)));
        List<UUID> overdue = expected(c -> open(c) && c.promisedBy().isBefore(TODAY));
        assertFalse(overdue.isEmpty(), "the generated histories include overdue cases");
        assertEquals(overdue, ids(ledger.cases(LedgerFilter.all().withOverdueOnly(true), TODAY)));
        assertEquals(expected(inRange.and(c -> c.taskCode().equals(item)).and(c -> open(c)
                        && c.promisedBy().isBefore(TODAY))),
                ids(ledger.cases(LedgerFilter.all().withTaskCode(item).sealedBetween(from, to).withOverdueOnly(true),
                        TODAY)));
    }

    @Test
    void the_item_filter_offers_the_items_this_point_has_cases_of() {
        assertEquals(3, ledger.items().size());
        assertEquals(GeneratedHistories.ITEMS[1][1], ledger.items().get(GeneratedHistories.ITEMS[1][0]));
    }
}
