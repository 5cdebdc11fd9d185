package org.onetrip.provisioning.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.staff.Roster;

/** The county turns a staff list with PINs into a roster of hashes, alone or on the way into a bundle. */
class RosterCommandTest {
    @TempDir
    Path dir;
    Terminals t;
    Path csv;

    @BeforeEach
    void setUp() throws Exception {
        t = new Terminals(dir);
        csv = dir.resolve("staff.csv");
        Files.writeString(csv, """
                name,card,role,pin
                王芳,34012119850415046X,agent,246810
                张伟,340121197809020135,supervisor,135790
                """, StandardCharsets.UTF_8);
    }

    @Test
    void roster_writes_pin_hashes_that_check_the_pins_and_never_the_pins_themselves() throws Exception {
        Path out = dir.resolve("staff.json");
        assertEquals(0, t.run("roster", "--csv", csv.toString(), "--output", out.toString(), "--iterations",
                "100000"), t.err.toString());
        String json = Files.readString(out, StandardCharsets.UTF_8);
        assertFalse(json.contains("246810") || json.contains("135790"), json);
        assertTrue(json.contains("pbkdf2-sha256$100000$"), json);
        assertTrue(Roster.read(out).find("34012119850415046X").orElseThrow().pin().matches("246810"));
        assertTrue(t.out.toString().contains("roster of 2 agency staff"), t.out.toString());
    }

    @Test
    void roster_refuses_too_few_iterations_and_a_bad_line_and_writes_nothing() throws Exception {
        Path out = dir.resolve("staff.json");
        assertEquals(1, t.run("roster", "--csv", csv.toString(), "--output", out.toString(), "--iterations", "1000"));
        assertTrue(t.err.toString().contains("at least 100000"), t.err.toString());
        Files.writeString(csv, "王芳,34012119850415046X,agent,12\n", StandardCharsets.UTF_8);
        assertEquals(1, t.run("roster", "--csv", csv.toString(), "--output", out.toString()));
        assertTrue(t.err.toString().contains("line 1"), t.err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void bundle_with_staff_csv_carries_the_hashed_roster_to_the_terminal() throws Exception {
        t.enroll("340121100004");
        Path bundle = dir.resolve("bundle.json");
        assertEquals(0, t.run("bundle", "--key", t.countyPriv.toString(), "--config",
                t.dataDir.resolve("config/terminal.properties").toString(), "--catalog",
                dir.resolve("catalog.json").toString(), "--catalog-authority",
                dir.resolve("catalog-authority.pub.pem").toString(), "--staff-csv", csv.toString(),
                "--output", bundle.toString()), t.err.toString());
        assertFalse(Files.readString(bundle).contains("246810"));

        assertEquals(0, t.run("apply", "--data-dir", t.dataDir.toString(), bundle.toString()), t.err.toString());

        Roster installed = Roster.read(new TerminalFiles(t.dataDir).staff());
        assertEquals(2, installed.members().size());
        assertTrue(installed.find("340121197809020135").orElseThrow().pin().matches("135790"));
    }
}
