package org.onetrip.provisioning.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;

class VerifyCommandTest {
    @TempDir
    Path dir;

    private Terminals terminalWithAudit(int entries) throws Exception {
        Terminals t = new Terminals(dir);
        Files.createDirectories(t.dataDir);
        Clock clock = Clock.fixed(Terminals.NOW, ZoneOffset.UTC);
        Database db = new Database(t.dataDir.resolve("onetrip.db"), clock);
        db.start();
        try {
            AuditLog audit = new AuditLog(clock);
            for (int i = 1; i <= entries; i++) {
                int n = i;
                db.inTransaction(c -> audit.append(c, "staff-" + n, "SEAL", "submission-" + n, "task=T" + n));
            }
        } finally {
            db.stop();
        }
        return t;
    }

    private void tamper(Terminals t, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.dataDir.resolve("onetrip.db"));
             Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    @Test
    void an_untouched_log_holds_and_exits_0() throws Exception {
        Terminals t = terminalWithAudit(4);

        assertEquals(0, t.run("verify", "--data-dir", t.dataDir.toString()), t.err.toString());
        assertTrue(t.out.toString().contains("4 entries, the chain holds"), t.out.toString());
    }

    @Test
    void an_entry_edited_in_the_database_file_is_named_and_exits_1() throws Exception {
        Terminals t = terminalWithAudit(4);
        tamper(t, "DROP TRIGGER audit_log_no_update", "UPDATE audit_log SET actor = 'nobody' WHERE seq = 3");

        assertEquals(1, t.run("verify", "--data-dir", t.dataDir.toString(), "--format", "json"));
        var verdict = Json.MAPPER.readTree(t.out.toString());
        assertEquals(3, verdict.path("firstBrokenSeq").asInt());
        assertEquals("ALTERED", verdict.path("kind").asString());
        assertEquals(false, verdict.path("holds").asBoolean());
    }

    @Test
    void an_entry_deleted_from_the_database_file_is_named() throws Exception {
        Terminals t = terminalWithAudit(4);
        tamper(t, "DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log WHERE seq = 2");

        assertEquals(1, t.run("verify", "--data-dir", t.dataDir.toString()));
        assertTrue(t.out.toString().contains("audit entries 2 were removed"), t.out.toString());
    }

    @Test
    void entries_cut_from_the_end_are_named_against_the_anchor_the_platform_kept() throws Exception {
        Terminals t = terminalWithAudit(4);
        assertEquals(0, t.run("verify", "--data-dir", t.dataDir.toString(), "--format", "json"));
        tamper(t, "DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log WHERE seq >= 3");
        String anchor = "4:" + "0".repeat(64); // entry 4 as the platform's last heartbeat recorded it

        assertEquals(0, t.run("verify", "--data-dir", t.dataDir.toString()), "the chain alone still holds");
        assertEquals(1, t.run("verify", "--data-dir", t.dataDir.toString(), "--anchor", anchor));
        assertTrue(t.out.toString().contains("audit entry 4 and any after it were removed"), t.out.toString());
        assertEquals(2, t.run("verify", "--data-dir", t.dataDir.toString(), "--anchor", "nonsense"));
    }

    @Test
    void no_store_is_exit_2_with_the_path() throws Exception {
        Terminals t = new Terminals(dir);

        assertEquals(2, t.run("verify", "--data-dir", t.dataDir.toString()));
        assertTrue(t.err.toString().contains(t.dataDir.resolve("onetrip.db").toString()), t.err.toString());
    }
}
