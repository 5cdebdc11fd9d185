package org.onetrip.store.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.db.StoreException;
import org.onetrip.store.testing.StoreFixture;

class AuditLogTest {
    @TempDir
    Path directory;
    private StoreFixture fixture;
    private AuditLog audit;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory.resolve("store.db"));
        audit = fixture.audit;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void each_entry_carries_the_hash_of_the_one_before() {
        appendThree();

        List<Map<String, String>> rows = fixture.rows("SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq");

        assertEquals(3, rows.size());
        assertEquals("0".repeat(64), rows.get(0).get("prev_hash"));
        assertEquals(rows.get(0).get("hash"), rows.get(1).get("prev_hash"));
        assertEquals(rows.get(1).get("hash"), rows.get(2).get("prev_hash"));
        assertEquals(3, rows.stream().map(r -> r.get("hash")).distinct().count());
        assertTrue(rows.stream().allMatch(r -> r.get("hash").matches("[0-9a-f]{64}")));
    }

    @Test
    void append_returns_the_hash_it_stored() {
        String hash = fixture.db.inTransaction(c -> audit.append(c, "staff", "login", "staff-7", ""));

        assertEquals(hash, fixture.rows("SELECT hash FROM audit_log").getFirst().get("hash"));
    }

    @Test
    void an_intact_log_has_no_broken_entry() {
        appendThree();

        assertTrue(fixture.db.read(audit::verify).holds());
    }

    @Test
    void an_empty_log_has_no_broken_entry() {
        assertTrue(fixture.db.read(audit::verify).holds());
    }

    @Test
    void an_entry_edited_by_someone_holding_the_file_is_found() {
        appendThree();

        fixture.execute("DROP TRIGGER audit_log_no_update");
        fixture.execute("UPDATE audit_log SET detail = 'task=NOTHING-HAPPENED' WHERE seq = 2");

        AuditVerdict.Problem problem = fixture.db.read(audit::verify).problem().orElseThrow();
        assertEquals(2L, problem.seq());
        assertEquals(AuditVerdict.Kind.ALTERED, problem.kind());
        assertTrue(problem.text().startsWith("audit entry 2 "), problem.text());
    }

    @Test
    void an_edited_entry_whose_hash_was_recomputed_breaks_the_next_one() {
        appendThree();
        Map<String, String> second = fixture.rows("SELECT * FROM audit_log WHERE seq = 2").getFirst();
        String forged = AuditLog.hash(second.get("prev_hash"), second.get("at"), second.get("actor"),
                second.get("action"), second.get("subject"), "task=NOTHING-HAPPENED");

        fixture.execute("DROP TRIGGER audit_log_no_update");
        fixture.execute("UPDATE audit_log SET detail = 'task=NOTHING-HAPPENED', hash = '" + forged
                + "' WHERE seq = 2");

        assertEquals(3L, fixture.db.read(audit::verify).problem().orElseThrow().seq());
    }

    @Test
    void a_removed_entry_is_named_by_its_number() {
        appendThree();

        fixture.execute("DROP TRIGGER audit_log_no_delete");
        fixture.execute("DELETE FROM audit_log WHERE seq = 2");

        AuditVerdict verdict = fixture.db.read(audit::verify);
        assertEquals(new AuditVerdict.Problem(2, AuditVerdict.Kind.REMOVED, verdict.problem().orElseThrow().text()),
                verdict.problem().orElseThrow());
        assertEquals(1, verdict.entries());
    }

    @Test
    void entries_cut_from_the_end_are_found_against_an_anchor_kept_elsewhere() {
        appendThree();
        AuditLog.Anchor anchor = fixture.db.read(audit::head).orElseThrow();

        fixture.execute("DROP TRIGGER audit_log_no_delete");
        fixture.execute("DELETE FROM audit_log WHERE seq = 3");

        assertTrue(fixture.db.read(audit::verify).holds(), "the chain alone cannot tell");
        AuditVerdict.Problem problem = fixture.db.read(c -> audit.verify(c, anchor)).problem().orElseThrow();
        assertEquals(3L, problem.seq());
        assertEquals(AuditVerdict.Kind.TAIL_REMOVED, problem.kind());
    }

    @Test
    void a_log_cut_and_written_again_no_longer_holds_the_anchor() {
        appendThree();
        AuditLog.Anchor anchor = fixture.db.read(audit::head).orElseThrow();

        fixture.execute("DROP TRIGGER audit_log_no_delete");
        fixture.execute("DELETE FROM audit_log WHERE seq = 3");
        fixture.db.inTransaction(c -> audit.append(c, "someone", "NOTHING", "x", ""));

        assertEquals(AuditVerdict.Kind.ALTERED,
                fixture.db.read(c -> audit.verify(c, anchor)).problem().orElseThrow().kind());
        assertEquals(anchor, AuditLog.Anchor.parse(anchor.toString()));
    }

    @Test
    void a_removed_entry_renumbered_to_close_the_gap_still_breaks_the_chain() {
        appendThree();

        fixture.execute("DROP TRIGGER audit_log_no_delete");
        fixture.execute("DROP TRIGGER audit_log_no_update");
        fixture.execute("DELETE FROM audit_log WHERE seq = 2");
        fixture.execute("UPDATE audit_log SET seq = 2 WHERE seq = 3");

        AuditVerdict.Problem problem = fixture.db.read(audit::verify).problem().orElseThrow();
        assertEquals(2L, problem.seq());
        assertEquals(AuditVerdict.Kind.ALTERED, problem.kind());
    }

    @Test
    void the_schema_refuses_updates_and_deletes_while_its_triggers_stand() {
        appendThree();

        StoreException update = assertThrows(StoreException.class,
                () -> fixture.execute("UPDATE audit_log SET detail = 'x' WHERE seq = 2"));
        StoreException delete = assertThrows(StoreException.class,
                () -> fixture.execute("DELETE FROM audit_log WHERE seq = 1"));

        assertTrue(update.getMessage().contains("audit_log is append-only"), update.getMessage());
        assertTrue(delete.getMessage().contains("audit_log is append-only"), delete.getMessage());
        assertEquals(3, fixture.count("audit_log"));
        assertTrue(fixture.db.read(audit::verify).holds());
    }

    @Test
    void an_entry_appended_in_a_transaction_that_rolls_back_is_not_kept() {
        appendThree();

        assertThrows(IllegalStateException.class, () -> fixture.db.inTransaction(c -> {
            audit.append(c, "staff", "export", "ledger", "");
            throw new IllegalStateException("the action failed after its audit entry");
        }));

        assertEquals(3, fixture.count("audit_log"));
    }

    private void appendThree() {
        fixture.db.inTransaction(c -> audit.append(c, "resident", "submission.sealed", "a", "task=1"));
        fixture.clock.advance(Duration.ofSeconds(1));
        fixture.db.inTransaction(c -> audit.append(c, "sync", "submission.sent", "a", "projectNo=1"));
        fixture.clock.advance(Duration.ofSeconds(1));
        fixture.db.inTransaction(c -> audit.append(c, "staff", "login", "staff-7", ""));
    }
}
