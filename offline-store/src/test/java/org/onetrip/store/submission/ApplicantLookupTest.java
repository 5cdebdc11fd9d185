package org.onetrip.store.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.testing.Drafts;
import org.onetrip.store.testing.StoreFixture;
import org.onetrip.store.uplink.Sm2;

/** A resident finds their submissions by tapping their card; the terminal keeps only a salted key. */
class ApplicantLookupTest {
    @TempDir
    Path directory;

    @Test
    void a_resident_finds_their_own_submissions_newest_first_and_nobody_elses() {
        try (StoreFixture fixture = new StoreFixture(directory.resolve("store.db"))) {
            UUID older = UUID.randomUUID();
            UUID newer = UUID.randomUUID();
            UUID someoneElses = UUID.randomUUID();
            fixture.store.seal(Drafts.draft(older));
            fixture.clock.advance(Duration.ofMinutes(1));
            fixture.store.seal(Drafts.draft(someoneElses, Drafts.OTHER_NAME, Drafts.OTHER_ID_NUMBER));
            fixture.clock.advance(Duration.ofMinutes(1));
            fixture.store.seal(Drafts.draft(newer));

            assertEquals(List.of(newer, older), ids(fixture.store.findByApplicant(Drafts.ID_NUMBER)));
            assertEquals(List.of(someoneElses), ids(fixture.store.findByApplicant(Drafts.OTHER_ID_NUMBER)));
            assertEquals(List.of(), fixture.store.findByApplicant("110105194912310021"));
        }
    }

    @Test
    void submissions_sealed_within_the_same_second_come_back_newest_first() {
        try (StoreFixture fixture = new StoreFixture(directory.resolve("store.db"))) {
            UUID onTheSecond = UUID.randomUUID();
            UUID halfASecondLater = UUID.randomUUID();
            fixture.store.seal(Drafts.draft(onTheSecond));
            fixture.clock.advance(Duration.ofMillis(500));
            fixture.store.seal(Drafts.draft(halfASecondLater));

            assertEquals(List.of(halfASecondLater, onTheSecond), ids(fixture.store.findByApplicant(Drafts.ID_NUMBER)));
        }
    }

    @Test
    void a_lower_case_check_character_finds_the_same_submissions() {
        try (StoreFixture fixture = new StoreFixture(directory.resolve("store.db"))) {
            UUID id = UUID.randomUUID();
            fixture.store.seal(Drafts.draft(id, Drafts.OTHER_NAME, Drafts.OTHER_ID_NUMBER));

            assertEquals(List.of(id), ids(fixture.store.findByApplicant(Drafts.OTHER_ID_NUMBER.toLowerCase())));
        }
    }

    @Test
    void the_applicant_key_is_stable_across_restarts_on_the_same_file() {
        Path file = directory.resolve("store.db");
        String before;
        UUID id = UUID.randomUUID();
        try (StoreFixture fixture = new StoreFixture(file)) {
            before = fixture.store.applicantKey(Drafts.ID_NUMBER);
            fixture.store.seal(Drafts.draft(id));
        }
        try (StoreFixture again = new StoreFixture(file)) {
            assertEquals(before, again.store.applicantKey(Drafts.ID_NUMBER));
            assertEquals(List.of(id), ids(again.store.findByApplicant(Drafts.ID_NUMBER)));
        }
    }

    @Test
    void two_terminals_files_have_different_salts_so_their_keys_cannot_be_joined() {
        try (StoreFixture one = new StoreFixture(directory.resolve("one.db"));
             StoreFixture two = new StoreFixture(directory.resolve("two.db"))) {
            String keyOne = one.store.applicantKey(Drafts.ID_NUMBER);
            String keyTwo = two.store.applicantKey(Drafts.ID_NUMBER);

            assertNotEquals(keyOne, keyTwo);
            assertNotEquals(Sm2.sm3Hex(Drafts.ID_NUMBER.getBytes(StandardCharsets.US_ASCII)), keyOne,
                    "an unsalted hash of an ID number is as good as the number: there are few enough of them");
            assertTrue(keyOne.matches("[0-9a-f]{64}"), keyOne);
            assertEquals(1, one.rows("SELECT value FROM setting WHERE name = 'applicant_salt'").size());
        }
    }

    private static List<UUID> ids(List<SealedSubmission> submissions) {
        return submissions.stream().map(SealedSubmission::id).toList();
    }
}
