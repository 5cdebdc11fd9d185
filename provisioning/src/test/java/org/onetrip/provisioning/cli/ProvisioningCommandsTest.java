package org.onetrip.provisioning.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.provisioning.bundle.ProvisioningQr;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProvisioningCommandsTest {
    @TempDir
    Path dir;
    Terminals t;

    @BeforeEach
    void setUp() throws Exception {
        t = new Terminals(dir);
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    @Test
    void enroll_creates_an_owner_only_key_pair_writes_the_configuration_and_prints_the_enrolment_request()
            throws Exception {
        assertEquals(0, t.enroll("340121100004"), t.err.toString());

        JsonNode request = json(t.out.toString());
        assertEquals("ot-test-01", request.path("terminalId").asString());
        assertTrue(request.path("publicKey").asString().contains("BEGIN PUBLIC KEY"));
        assertFalse(t.out.toString().contains("PRIVATE"), "the request carries no private key");
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(t.dataDir.resolve("keys/terminal-key.pem"))));
        String props = Files.readString(t.dataDir.resolve("config/terminal.properties"));
        assertTrue(props.contains("region=340121100004"), props);
        assertTrue(Files.isRegularFile(t.dataDir.resolve("config/trusted/county.pub.pem")));
    }

    @Test
    void enroll_with_a_region_code_not_in_the_division_files_is_refused_and_writes_nothing() {
        assertEquals(1, t.enroll("340121999999"));

        assertTrue(t.err.toString().contains("--region 340121999999"), t.err.toString());
        assertFalse(Files.exists(t.dataDir), "nothing was written");
    }

    @Test
    void enroll_with_an_uplink_that_is_not_http_is_refused_before_a_key_is_made() {
        assertEquals(1, t.run("enroll", "--data-dir", t.dataDir.toString(), "--region", "340121100004",
                "--site-name", "锦湖", "--site-type", "kiosk", "--uplink", "ftp://intake.example.gov.cn/"));

        assertTrue(t.err.toString().contains("uplink.url"), t.err.toString());
        assertFalse(Files.exists(t.dataDir), "no key pair, no configuration");
    }

    @Test
    void enroll_twice_is_refused_without_force_so_a_terminal_is_not_renamed_by_accident() {
        assertEquals(0, t.enroll("340121100004"));
        assertEquals(1, t.enroll("340121100004"));
        assertTrue(t.err.toString().contains("--force"), t.err.toString());
    }

    @Test
    void apply_verifies_a_county_signed_bundle_and_installs_configuration_catalog_roster_and_keys()
            throws Exception {
        t.enroll("340121100004");
        Path bundle = t.bundle("锦湖社区全程代办点");

        assertEquals(0, t.run("apply", "--data-dir", t.dataDir.toString(), bundle.toString()), t.err.toString());

        assertTrue(t.out.toString().contains("锦湖社区全程代办点"), t.out.toString());
        Path config = t.dataDir.resolve("config");
        assertEquals("锦湖社区全程代办点", org.onetrip.provisioning.config.TerminalFiles
                .readConfig(config.resolve("terminal.properties")).siteName());
        assertTrue(Files.size(config.resolve("catalog.json")) > 1000);
        assertTrue(Files.readString(config.resolve("staff.json")).contains("technician"));
        assertTrue(Files.isRegularFile(config.resolve("trusted/catalog-authority.pub.pem")));
        assertTrue(Files.isRegularFile(config.resolve("trusted/county.pub.pem")), "the county key is kept");
        assertFalse(Files.exists(t.dataDir.resolve("config.old")));
        assertFalse(Files.exists(t.dataDir.resolve("config.new")));
    }

    @Test
    void a_tampered_bundle_is_refused_and_nothing_changes() throws Exception {
        t.enroll("340121100004");
        Path bundle = t.bundle("改过的站点");
        JsonNode env = json(Files.readString(bundle));
        byte[] payload = java.util.Base64.getDecoder().decode(env.path("payload").asString());
        String tampered = new String(payload, StandardCharsets.UTF_8).replace("intake.example.gov.cn", "evil.example.com");
        Files.writeString(bundle, "{\"format\":\"onetrip-provisioning-bundle/1\",\"payload\":\""
                + java.util.Base64.getEncoder().encodeToString(tampered.getBytes(StandardCharsets.UTF_8))
                + "\",\"signature\":\"" + env.path("signature").asString() + "\"}");
        var before = t.snapshot();

        assertEquals(1, t.run("apply", "--data-dir", t.dataDir.toString(), bundle.toString()));

        assertTrue(t.err.toString().contains("signature does not verify"), t.err.toString());
        assertEquals(before, t.snapshot());
    }

    @Test
    void a_bundle_signed_by_another_key_or_expired_is_refused_and_nothing_changes() throws Exception {
        t.enroll("340121100004");
        Path bundle = t.bundle("锦湖");
        var before = t.snapshot();

        assertEquals(1, t.run(Terminals.NOW.plus(Duration.ofDays(31)), "apply", "--data-dir",
                t.dataDir.toString(), bundle.toString()));
        assertTrue(t.err.toString().contains("expired"), t.err.toString());

        Files.writeString(t.dataDir.resolve("config/trusted/county.pub.pem"),
                org.onetrip.store.uplink.Sm2.publicKeyPem(org.onetrip.store.uplink.Sm2.generateKeyPair().getPublic()));
        before = t.snapshot();
        assertEquals(1, t.run("apply", "--data-dir", t.dataDir.toString(), bundle.toString()));
        assertTrue(t.err.toString().contains("signature"), t.err.toString());
        assertEquals(before, t.snapshot());
    }

    @Test
    void a_provisioning_qr_is_signed_holds_no_secret_verifies_on_the_terminal_and_is_refused_once_expired()
            throws Exception {
        t.enroll("340121100004");
        Path png = dir.resolve("qr.png");
        assertEquals(0, t.run("qr", "--key", t.countyPriv.toString(), "--terminal-id", "ot-test-01", "--region",
                "340121100004", "--valid", "PT15M", "--png", png.toString()), t.err.toString());
        String text = t.out.toString().strip();
        assertTrue(text.startsWith("OTP1."), text);
        assertTrue(Files.size(png) > 100);
        String payload = ProvisioningQr.decodePayload(text);
        for (String secret : new String[] {"PRIVATE", "pin", "password", "token"}) {
            assertFalse(payload.toLowerCase().contains(secret.toLowerCase()), payload);
        }

        assertEquals(0, t.run(Terminals.NOW.plus(Duration.ofMinutes(14)), "qr", "--data-dir", t.dataDir.toString(),
                "--verify", text), t.err.toString());
        assertEquals(1, t.run(Terminals.NOW.plus(Duration.ofMinutes(16)), "qr", "--data-dir", t.dataDir.toString(),
                "--verify", text));
        assertTrue(t.err.toString().contains("expired"), t.err.toString());
        String forged = text.substring(0, text.lastIndexOf('.') + 1) + "AAAA" + text.substring(text.lastIndexOf('.') + 5);
        assertEquals(1, t.run("qr", "--data-dir", t.dataDir.toString(), "--verify", forged));
    }

    @Test
    void a_provisioning_qr_longer_than_a_day_is_not_made() {
        assertEquals(1, t.run("qr", "--key", t.countyPriv.toString(), "--terminal-id", "ot-test-01", "--valid",
                "P2D"));
        assertTrue(t.err.toString().contains("24 hours"), t.err.toString());
    }

    @Test
    void status_reports_enrolment_configuration_and_last_bundle_as_text_and_json() throws Exception {
        assertEquals(1, t.run("status", "--data-dir", t.dataDir.toString()));
        assertTrue(t.err.toString().contains("not enrolled"));

        t.enroll("340121100004");
        t.run("apply", "--data-dir", t.dataDir.toString(), t.bundle("锦湖").toString());
        assertEquals(0, t.run("status", "--data-dir", t.dataDir.toString(), "--format", "json"), t.err.toString());
        JsonNode status = json(t.out.toString());
        assertTrue(status.path("enrolled").asBoolean());
        assertEquals("340121100004", status.path("configuration").path("region").asString());
        assertEquals(64, status.path("lastBundle").path("bundle.sm3").asString().length());

        assertEquals(0, t.run("status", "--data-dir", t.dataDir.toString()));
        assertTrue(t.out.toString().contains("terminal.id: ot-test-01"), t.out.toString());
    }

    @Test
    void diag_writes_a_zip_with_versions_status_and_log_tail_but_no_key_or_roster() throws Exception {
        t.enroll("340121100004");
        t.run("apply", "--data-dir", t.dataDir.toString(), t.bundle("锦湖").toString());
        Files.createDirectories(t.dataDir.resolve("logs"));
        Files.writeString(t.dataDir.resolve("logs/onetrip.log"), "line\n".repeat(3000) + "last line\n");
        Path zip = dir.resolve("diag.zip");

        assertEquals(0, t.run("diag", "--data-dir", t.dataDir.toString(), "--output", zip.toString()),
                t.err.toString());

        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertTrue(z.getEntry("versions.json") != null && z.getEntry("status.json") != null);
            String log = new String(z.getInputStream(z.getEntry("logs/onetrip.log")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals(DiagCommand.LOG_TAIL_LINES, log.lines().count());
            assertTrue(log.endsWith("last line\n"));
            StringBuilder all = new StringBuilder();
            for (var e : java.util.Collections.list(z.entries())) {
                all.append(new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
            assertFalse(all.toString().contains("PRIVATE KEY"), "no private key");
            assertFalse(all.toString().contains("technician\""), "no staff roster");
        }
    }

    @Test
    void unknown_commands_and_missing_arguments_exit_2_with_usage() {
        assertEquals(2, t.run("frobnicate"));
        assertEquals(2, t.run("apply"));
    }
}
