package org.onetrip.store.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.testing.Drafts;
import org.onetrip.store.testing.StoreFixture;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The sealed body carries the applicant in clear for the platform; nothing else the terminal writes does:
 * not the searchable columns, not the history or audit, not the log.
 */
class ApplicantPrivacyTest {
    @TempDir
    Path directory;
    private StoreFixture fixture;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger onetrip = (Logger) LoggerFactory.getLogger("org.onetrip");

    @BeforeEach
    void open() {
        logged.start();
        onetrip.addAppender(logged);
        fixture = new StoreFixture(directory.resolve("store.db"));
    }

    @AfterEach
    void close() {
        onetrip.detachAppender(logged);
        fixture.close();
    }

    @Test
    void the_searchable_columns_hold_only_the_mask_and_the_salted_key() {
        UUID id = UUID.randomUUID();
        fixture.store.seal(Drafts.draft(id));

        Map<String, String> row = fixture.rows("SELECT applicant_mask, applicant_key FROM submission").getFirst();

        assertEquals("王*兰 340121********0024", row.get("applicant_mask"));
        assertEquals(fixture.store.applicantKey(Drafts.ID_NUMBER), row.get("applicant_key"));
        assertClean(row.get("applicant_mask"));
        assertClean(row.get("applicant_key"));
        assertEquals("王*兰 340121********0024", fixture.store.find(id).orElseThrow().applicantMask());
    }

    @Test
    void no_column_of_any_table_but_the_sealed_body_holds_the_name_or_the_number() {
        UUID sent = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        fixture.store.seal(Drafts.draft(sent));
        fixture.store.seal(Drafts.draft(refused));
        fixture.outbox.sent(sent, "34012120260302000001", fixture.clock.instant());
        fixture.outbox.statusChanged(sent, SubmissionStatus.NEEDS_CORRECTION, "请补充提交户口簿首页复印件", null,
                fixture.clock.instant());
        fixture.outbox.quarantine(refused, "taskCode is missing or blank", fixture.clock.instant());

        List<String> tables = fixture.rows("SELECT name FROM sqlite_master WHERE type = 'table'").stream()
                .map(r -> r.get("name")).toList();
        int checked = 0;
        for (String table : tables) {
            for (Map<String, String> row : fixture.rows("SELECT * FROM \"" + table + "\"")) {
                for (Map.Entry<String, String> column : row.entrySet()) {
                    if (table.equals("submission") && column.getKey().equals("body")) {
                        continue;
                    }
                    assertClean(table + "." + column.getKey(), column.getValue());
                    checked++;
                }
            }
        }
        assertTrue(checked > 40, "checked only " + checked + " values");
        assertTrue(new String(fixture.body("submission", sent.toString()), StandardCharsets.UTF_8)
                .contains(Drafts.ID_NUMBER), "the body does carry the applicant, for the platform (encrypted at rest)");
    }

    @Test
    void the_log_never_names_the_applicant() {
        UUID sent = UUID.randomUUID();
        fixture.store.seal(Drafts.draft(sent));
        fixture.outbox.sent(sent, "34012120260302000001", fixture.clock.instant());
        fixture.store.findByApplicant(Drafts.ID_NUMBER);

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : logged.list) {
            lines.add(event.getFormattedMessage());
        }
        assertFalse(lines.isEmpty(), "sealing is logged");
        assertTrue(lines.stream().anyMatch(l -> l.contains(sent.toString())), lines.toString());
        for (String line : lines) {
            assertClean("log: " + line, line);
        }
    }

    private static void assertClean(String value) {
        assertClean("value", value);
    }

    private static void assertClean(String where, String value) {
        if (value == null) {
            return;
        }
        assertFalse(value.contains(Drafts.ID_NUMBER), where + " holds the ID number: " + value);
        assertFalse(value.contains(Drafts.ID_NUMBER.substring(6, 14)), where + " holds the birth date: " + value);
        assertFalse(value.contains(Drafts.NAME), where + " holds the name: " + value);
    }
}
