package org.onetrip.store.staff;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

/**
 * Jazzer on the staff roster a provisioning bundle carries ({@link Roster#parse}). The property: a roster or a
 * {@link RosterException}; nothing else. Kept inputs (the demo roster): {@code RosterFuzzTestInputs/}.
 */
class RosterFuzzTest {

    @DictionaryEntries({"\"id\"", "\"name\"", "\"role\"", "\"pin\"", "\"agent\"", "\"supervisor\"", "pbkdf2", "sm3", "$", ":"})
    @FuzzTest(maxDuration = "10s")
    void a_roster_document_is_a_roster_or_a_roster_exception(byte[] json) {
        try {
            assertNotNull(Roster.parse(new String(json, StandardCharsets.UTF_8)).members());
        } catch (RosterException expected) {
            assertNotNull(expected.getMessage());
        }
    }
}
