package org.onetrip.provisioning.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SelftestCommandTest {
    @TempDir
    Path dir;
    Terminals t;
    HttpServer platform;
    final AtomicInteger status = new AtomicInteger(204);
    final AtomicReference<String> signature = new AtomicReference<>();

    @BeforeEach
    void setUp() throws Exception {
        t = new Terminals(dir);
        platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/api/v1/heartbeat", exchange -> {
            signature.set(exchange.getRequestHeaders().keySet().toString());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        platform.start();
        t.run("enroll", "--data-dir", t.dataDir.toString(), "--region", "340121100004", "--site-name", "锦湖",
                "--site-type", "kiosk", "--uplink", "http://127.0.0.1:" + platform.getAddress().getPort() + "/",
                "--terminal-id", "ot-test-01");
    }

    @AfterEach
    void stop() {
        platform.stop(0);
    }

    @Test
    void selftest_passes_with_a_reachable_uplink_that_accepts_the_signed_heartbeat_and_says_so_in_json() {
        assertEquals(0, t.run(Instant.now(), "selftest", "--data-dir", t.dataDir.toString(), "--format", "json"),
                t.out.toString() + t.err);

        JsonNode json = JsonMapper.builder().build().readTree(t.out.toString());
        assertTrue(json.path("passed").asBoolean());
        JsonNode uplink = null;
        for (JsonNode c : json.path("checks")) {
            if (c.path("name").asString().equals("uplink")) {
                uplink = c;
            }
        }
        assertEquals("PASS", uplink.path("outcome").asString(), uplink.toString());
        assertTrue(uplink.path("detail").asString().contains("signature accepted"));
        assertTrue(signature.get() != null, "the platform was asked");
    }

    @Test
    void selftest_fails_in_text_naming_the_fix_when_the_platform_refuses_the_terminal_signature() {
        status.set(401);

        assertEquals(1, t.run(Instant.now(), "selftest", "--data-dir", t.dataDir.toString()));

        assertTrue(t.out.toString().contains("FAIL  uplink"), t.out.toString());
        assertTrue(t.out.toString().contains("ask the county to register"), t.out.toString());
        assertTrue(t.out.toString().contains("self-test FAILED"));
    }

    @Test
    void selftest_fails_when_the_clock_was_reset_to_1970() {
        assertEquals(1, t.run(Instant.parse("1970-01-01T00:00:10Z"), "selftest", "--data-dir",
                t.dataDir.toString(), "--no-uplink"));
        assertTrue(t.out.toString().contains("FAIL  clock"), t.out.toString());
    }

    @Test
    void selftest_fails_when_the_private_key_is_readable_by_others() throws Exception {
        Files.setPosixFilePermissions(t.dataDir.resolve("keys/terminal-key.pem"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(1, t.run(Instant.now(), "selftest", "--data-dir", t.dataDir.toString(), "--no-uplink"));
        assertTrue(t.out.toString().contains("chmod 600"), t.out.toString());
    }

    @Test
    void selftest_fails_when_the_data_key_file_is_readable_by_others_or_missing_under_an_encrypted_store()
            throws Exception {
        org.onetrip.store.db.Database db = new org.onetrip.store.db.Database(t.dataDir.resolve("onetrip.db"),
                java.time.Clock.systemUTC());
        db.start(); // the app's first start: a data key, wrapped by keys/data-kek
        db.stop();
        Path kek = t.dataDir.resolve("keys/data-kek");
        Files.setPosixFilePermissions(kek, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(1, t.run(Instant.now(), "selftest", "--data-dir", t.dataDir.toString(), "--no-uplink"));
        assertTrue(t.out.toString().contains("chmod 600 " + kek), t.out.toString());

        Files.delete(kek);
        assertEquals(1, t.run(Instant.now(), "selftest", "--data-dir", t.dataDir.toString(), "--no-uplink"));
        assertTrue(t.out.toString().contains("restore " + kek), t.out.toString());
    }

    @Test
    void selftest_fails_naming_a_damaged_redo_journal_the_store_set_aside_and_passes_without_one() throws Exception {
        org.onetrip.store.db.Database db = new org.onetrip.store.db.Database(t.dataDir.resolve("onetrip.db"),
                java.time.Clock.systemUTC());
        db.start();
        db.stop();
        assertEquals(0, t.run(Instant.now(), "selftest", "--data-dir", t.dataDir.toString(), "--no-uplink"),
                t.out.toString());
        assertTrue(t.out.toString().contains("nothing set aside"), t.out.toString());

        Files.write(t.dataDir.resolve("onetrip.db-redo"), new byte[] {9, 9, 9, 9}); // a damaged header
        db = new org.onetrip.store.db.Database(t.dataDir.resolve("onetrip.db"), java.time.Clock.systemUTC());
        db.start(); // sets it aside as onetrip.db-redo.damaged-<time> and starts a new journal
        db.stop();
        assertEquals(1, t.run(Instant.now(), "selftest", "--data-dir", t.dataDir.toString(), "--no-uplink"));
        assertTrue(t.out.toString().contains("FAIL  store files") && t.out.toString().contains("onetrip.db-redo.damaged-")
                && t.out.toString().contains("call the county's technician"), t.out.toString());
    }
}
