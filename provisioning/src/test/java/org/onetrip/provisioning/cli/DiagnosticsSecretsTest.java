package org.onetrip.provisioning.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;
import org.onetrip.store.staff.Roster;
import org.onetrip.store.submission.DeliveryDetails;
import org.onetrip.store.submission.SubmissionDraft;
import org.onetrip.store.submission.SubmissionStore;

/**
 * Issue 10 item 7: the diagnostics bundle a technician sends to the help desk, made on a terminal that has a roster
 * with PIN digests, residents' sealed submissions and a log, carries the public key and none of the secrets.
 */
class DiagnosticsSecretsTest {
    static final String NAME = "赵小红";
    static final String ID_NUMBER = "340121199001010027";
    static final String PHONE = "13800001111";
    static final String ADDRESS = "长丰县水湖镇锦湖社区幸福路88号";
    static final String AGENT_PIN = "246810";

    @TempDir
    Path dir;
    Terminals t;

    @BeforeEach
    void aTerminalThatWorked() throws Exception {
        t = new Terminals(dir);
        assertEquals(0, t.enroll("340121100004"), t.err.toString());
        assertEquals(0, t.run("apply", "--data-dir", t.dataDir.toString(), t.bundle("锦湖").toString()),
                t.err.toString());
        Files.writeString(t.dataDir.resolve("config/staff.json"), Roster.toJson(Roster.readCsv(new StringReader(
                "王芳,34012119850415046X,agent," + AGENT_PIN + "\n李工,T-0001,technician,97531864\n")), 100_000,
                new Random(7)));
        Database db = new Database(t.dataDir.resolve("onetrip.db"), Clock.fixed(Terminals.NOW, ZoneOffset.UTC));
        db.start();
        try {
            SubmissionStore store = new SubmissionStore(db, new AuditLog(Clock.systemUTC()), Clock.systemUTC(),
                    "ot-test-01");
            store.seal(new SubmissionDraft(UUID.randomUUID(), "11340121MB1234567X4000117009000", "高龄津贴申领", 1,
                    "340121100004", NAME, ID_NUMBER, "赵*红 340121********0027",
                    Map.of("name", NAME, "phone", PHONE, "address", ADDRESS), "EXPRESS", LocalDate.of(2026, 12, 1),
                    List.of(), List.of(), DeliveryDetails.express(ADDRESS, PHONE)));
        } finally {
            db.stop();
        }
        Files.createDirectories(t.dataDir.resolve("logs"));
        Files.writeString(t.dataDir.resolve("logs/onetrip.log"), "INFO submission[…]: sealed (task 1134…)\n");
    }

    private List<Pattern> secrets() throws Exception {
        List<Pattern> s = new ArrayList<>(List.of(Pattern.compile("PRIVATE KEY"), Pattern.compile(NAME),
                Pattern.compile(ID_NUMBER), Pattern.compile(PHONE), Pattern.compile(ADDRESS),
                Pattern.compile("(?<!\\d)" + AGENT_PIN + "(?!\\d)"), Pattern.compile("97531864"),
                Pattern.compile("pbkdf2"), Pattern.compile("pinSm3"), Pattern.compile("pinSalt")));
        for (String line : Files.readAllLines(t.dataDir.resolve("keys/terminal-key.pem"))) {
            if (!line.startsWith("-----")) {
                s.add(Pattern.compile(Pattern.quote(line)));
            }
        }
        Matcher digests = Pattern.compile("\"(?:pin|pinSm3|pinSalt)\" : \"([^\"]+)\"")
                .matcher(Files.readString(t.dataDir.resolve("config/staff.json")));
        while (digests.find()) {
            for (String part : digests.group(1).split("\\$")) {
                if (part.length() >= 16) {
                    s.add(Pattern.compile(Pattern.quote(part)));
                }
            }
        }
        assertTrue(s.size() > 15, "the roster's digests and the key's lines are looked for");
        return s;
    }

    @Test
    void the_diagnostics_bundle_holds_the_public_key_but_no_private_key_pin_digest_or_resident_data()
            throws Exception {
        Path zip = dir.resolve("diag.zip");
        assertEquals(0, t.run("diag", "--data-dir", t.dataDir.toString(), "--output", zip.toString()),
                t.err.toString());

        StringBuilder all = new StringBuilder();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertEquals(Files.readString(t.dataDir.resolve("keys/terminal-key.pub.pem")),
                    new String(z.getInputStream(z.getEntry("keys/terminal-key.pub.pem")).readAllBytes(),
                            StandardCharsets.US_ASCII));
            for (var e : Collections.list(z.entries())) {
                all.append(e.getName()).append('\n')
                        .append(new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        assertTrue(all.toString().contains("\"PENDING\" : 1") || all.toString().contains("\"PENDING\":1"),
                "the queue is counted: " + all);
        for (Pattern secret : secrets()) {
            assertFalse(secret.matcher(all).find(), "the bundle holds " + secret);
        }
    }
}
