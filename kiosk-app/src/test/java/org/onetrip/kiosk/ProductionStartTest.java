package org.onetrip.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.intake.IntakeSimulator;
import org.onetrip.intake.IntakeSimulatorConfig;
import org.onetrip.intake.StatusSchedule;
import org.onetrip.kiosk.apply.ApplyService;
import org.onetrip.provisioning.cli.ProvisionCli;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.catalog.CatalogBundle;
import org.onetrip.store.catalog.ServiceItem;
import org.onetrip.store.submission.SealedSubmission;
import org.onetrip.store.sync.SyncEngine;
import org.onetrip.store.uplink.Sm2;

/**
 * The production start ({@code Main run}, as onetrip.service runs it) against a terminal enrolled and provisioned
 * with the real {@code onetrip-provision} commands; the intake simulator, started on its own, stands in for the
 * provincial platform the terminal was enrolled at. No demo enrolment, no demo catalog, no in-process simulator.
 */
class ProductionStartTest {
    private static final String TERMINAL = "ot-340121100004-t1";
    private static final String PENSION = "113401210034512345205002001";

    @TempDir
    Path dir;
    private Path data;
    private IntakeSimulator platform;
    private final KeyPair county = Sm2.generateKeyPair();
    private final StringWriter err = new StringWriter();
    private final Clock clock = Clock.system(KioskApplication.CHINA);

    @BeforeEach
    void startThePlatform() throws Exception {
        data = dir.resolve("var-lib-onetrip");
        platform = new IntakeSimulator(new IntakeSimulatorConfig("127.0.0.1", 0, dir.resolve("platform.db"),
                StatusSchedule.demo(), Duration.ofMinutes(10)), clock);
        platform.start();
    }

    @AfterEach
    void stopThePlatform() throws Exception {
        platform.stop();
    }

    @Test
    void an_enrolled_terminal_starts_without_the_demo_and_seals_and_syncs_to_its_platform() throws Exception {
        enroll();
        apply();
        writeDevices("printer.transport=simulated\n");
        platform.enroll(TERMINAL, Files.readString(data.resolve("keys/terminal-key.pub.pem")));

        KioskApplication app = KioskApplication.of(new EnrolledTerminal(data).setup("127.0.0.1", 0)
                .with(Duration.ofMinutes(10), null), clock);
        app.start();
        try {
            assertInstanceOf(KioskSetup.Platform.Remote.class, app.setup().platform());
            assertThrows(IllegalStateException.class, app::intake, "no in-process simulator in production");
            assertEquals(TERMINAL, app.services().get(TerminalConfig.class).terminalId());
            assertEquals("锦湖社区便民服务站", app.services().get(TerminalConfig.class).siteName());
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    app.uri().resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(health.body().contains("\"status\":\"ok\""), health.body());

            SealedSubmission sealed = submit(app);
            app.services().get(SyncEngine.class).runOnce(); // after the nudge's run, if that came first

            assertEquals(1, platform.storedCopiesOf(sealed.id()), "the platform holds the submission once");
            assertTrue(platform.projectNoOf(sealed.id()).isPresent(), "the platform accepted it");
            assertEquals(0, app.services().get(SyncEngine.class).state().pending());
            SealedSubmission next = submit(app);
            assertEquals(7, sealed.id().version(), "ids are time-ordered (SubmissionIds): seals append to the index");
            assertTrue(sealed.id().toString().compareTo(next.id().toString()) < 0, sealed.id() + " then " + next.id());
        } finally {
            app.stop();
        }
        assertTrue(Files.isRegularFile(data.resolve("onetrip.db")));
        assertFalse(Files.exists(data.resolve("intake-simulator.db")), "no demo platform was started");
    }

    /**
     * An update over a terminal whose store was made by an older release (the schema of V005, before the catalog,
     * divisions and queue-ticket migrations) with a submission still waiting: the new app migrates the file at
     * start, keeps the waiting submission, and sends it.
     */
    @Test
    void an_update_migrates_an_older_store_and_keeps_and_sends_its_waiting_queue() throws Exception {
        enroll();
        apply();
        writeDevices("printer.transport=simulated\n");
        KioskSetup enrolled = new EnrolledTerminal(data).setup("127.0.0.1", 0).with(Duration.ofMinutes(10), null);
        KioskSetup offline = new KioskSetup(enrolled.host(), 0, data, enrolled.terminal(), enrolled.devices(),
                enrolled.printer(), enrolled.catalog(), enrolled.catalogAuthority(),
                new KioskSetup.Platform.Remote(java.net.URI.create("http://127.0.0.1:9/")), enrolled.syncInterval(),
                null);
        KioskApplication before = KioskApplication.of(offline, clock);
        before.start();
        SealedSubmission waiting;
        try {
            waiting = submit(before); // the village is offline: it stays in the queue
        } finally {
            before.stop();
        }
        assertEquals(0, platform.storedCopiesOf(waiting.id()));
        OlderStore.rewriteAtVersion5(data.resolve("onetrip.db"));
        assertEquals(5, OlderStore.schemaVersion(data.resolve("onetrip.db")));
        platform.enroll(TERMINAL, Files.readString(data.resolve("keys/terminal-key.pub.pem")));

        KioskApplication after = KioskApplication.of(enrolled, clock);
        after.start();
        try {
            after.services().get(SyncEngine.class).runOnce(); // after the start's own run, if that came first
            assertEquals(1, platform.storedCopiesOf(waiting.id()),
                    "the submission that only the older file held was kept and sent after the update");
            assertEquals(0, after.services().get(SyncEngine.class).state().pending());
        } finally {
            after.stop();
        }
        assertEquals(OlderStore.latestVersion(Files.createTempDirectory(data.getParent(), "latest")),
                OlderStore.schemaVersion(data.resolve("onetrip.db")),
                "every newer migration ran");
    }

    /**
     * The terminal's data directory after a real submission holds the resident only encrypted; and with its data key
     * file gone the terminal refuses to start, naming the file, rather than start over with a new key.
     */
    @Test
    void the_data_directory_holds_no_resident_in_the_clear_and_without_its_key_file_the_terminal_will_not_start()
            throws Exception {
        enroll();
        apply();
        writeDevices("printer.transport=simulated\n");
        KioskSetup setup = new EnrolledTerminal(data).setup("127.0.0.1", 0).with(Duration.ofMinutes(10), null);
        KioskApplication app = KioskApplication.of(setup, clock);
        app.start();
        var card = DemoCards.all().get(0);
        try {
            submit(app);
        } finally {
            app.stop();
        }
        for (Path file : java.util.List.of(data.resolve("onetrip.db"), data.resolve("onetrip.db-wal"))) {
            if (Files.exists(file)) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : java.util.List.of(card.idNumber(), card.name(), card.address(), "13905510001")) {
                    assertFalse(bytes.contains(new String(secret.getBytes(StandardCharsets.UTF_8),
                            StandardCharsets.ISO_8859_1)), file.getFileName() + " holds a resident's value");
                }
            }
        }

        Path kek = data.resolve("keys").resolve(org.onetrip.store.crypto.FileKeyWrapper.FILE_NAME);
        Files.delete(kek);
        KioskApplication again = KioskApplication.of(setup, clock);
        Exception refused = assertThrows(Exception.class, again::start);
        again.stop();

        String message = Main.keyProblem(refused).orElseThrow().getMessage();
        assertTrue(message.contains(kek.toString()) && message.contains("restore"), message);
        assertFalse(Files.exists(kek), "no new key was made over the old data");
    }

    @Test
    void an_empty_data_directory_is_refused_naming_terminal_properties_and_enroll() {
        String message = refusal();
        assertTrue(message.contains(data.resolve("config/terminal.properties").toString())
                && message.contains("onetrip-provision enroll"), message);
    }

    @Test
    void an_enrolled_terminal_without_a_bundle_is_told_to_apply_one() throws Exception {
        enroll();
        String message = refusal();
        assertTrue(message.contains("catalog-authority.pub.pem") && message.contains("onetrip-provision apply"),
                message);
    }

    @Test
    void a_catalog_not_signed_by_the_trusted_authority_is_refused() throws Exception {
        enroll();
        apply();
        writeDevices("printer.transport=simulated\n");
        CatalogBundle forged = CatalogBundle.sign(CatalogBundle.resource("catalog-340121").payload(),
                Sm2.generateKeyPair().getPrivate());
        Files.write(data.resolve("config/catalog.json"), forged.toEnvelope());
        String message = refusal();
        assertTrue(message.contains("catalog.json is refused") && message.contains("apply"), message);
    }

    @Test
    void a_damaged_key_in_the_county_terminals_list_is_refused_naming_the_file() throws Exception {
        enroll();
        apply();
        writeDevices("printer.transport=simulated\n");
        Path list = Files.createDirectories(data.resolve("config/trusted/terminals"));
        Files.writeString(list.resolve("T-340121100004-07.pub.pem"), "not a key");
        String message = refusal();
        assertTrue(message.contains("T-340121100004-07.pub.pem") && message.contains("apply"), message);
    }

    @Test
    void missing_or_wrong_device_settings_name_the_file_and_the_setting() throws Exception {
        enroll();
        apply();
        String missing = refusal();
        assertTrue(missing.contains("devices.properties is missing") && missing.contains("detect"), missing);

        writeDevices("printer.transport=parallel\nreader.pth=/dev/x\n");
        String wrong = refusal();
        assertTrue(wrong.contains("devices.properties") && wrong.contains("reader.pth"), wrong);

        writeDevices("printer.transport=parallel\n");
        String printer = refusal();
        assertTrue(printer.contains("devices.properties") && printer.contains("printer.transport must be serial"),
                printer);

        Files.writeString(data.resolve("devices.properties"), "reader=simulated\nscanner=simulated\npanel=gpio\n"
                + "panel.chip=gpiochip99\npanel.pin.status-led=17\nprinter.transport=simulated\n");
        String machine = refusal();
        assertTrue(machine.contains("devices.properties") && machine.contains("gpiochip99"), machine);
    }

    @Test
    void a_terminal_whose_public_key_is_gone_is_refused_rather_than_given_a_new_pair() throws Exception {
        enroll();
        apply();
        writeDevices("printer.transport=simulated\n");
        String before = Files.readString(data.resolve("keys/terminal-key.pem"));
        Files.delete(data.resolve("keys/terminal-key.pub.pem"));
        String message = refusal();
        assertTrue(message.contains("terminal-key.pub.pem is missing") && message.contains("enroll"), message);
        assertEquals(before, Files.readString(data.resolve("keys/terminal-key.pem")), "the private key is untouched");
    }

    @Test
    void a_terminal_enrolled_without_an_uplink_is_refused() throws Exception {
        enroll();
        Path props = data.resolve("config/terminal.properties");
        Files.writeString(props, Files.readString(props).replaceAll("uplink.url=.*", "uplink.url="));
        String message = refusal();
        assertTrue(message.contains("uplink.url is empty") && message.contains("--uplink"), message);

        Files.writeString(props, Files.readString(props).replaceAll("region=.*", "region=3401"));
        String region = refusal();
        assertTrue(region.contains("terminal.properties") && region.contains("region must be a 12-digit division code")
                && region.contains("enroll --force"), region);
    }

    @Test
    void main_run_uses_the_production_start_and_its_refusal() {
        LaunchOptions run = LaunchOptions.parse(new String[] {"run", "--data-dir", data.toString()}, dir);
        assertTrue(run.production());
        assertThrows(TerminalSetupException.class, () -> Main.assemble(run, clock));
        assertEquals(LaunchOptions.PRODUCTION_DATA_DIR, LaunchOptions.parse(new String[] {"run"}, dir).dataDir());
    }

    private String refusal() {
        return assertThrows(TerminalSetupException.class,
                () -> KioskApplication.production("127.0.0.1", 0, data, clock)).getMessage();
    }

    private SealedSubmission submit(KioskApplication app) {
        ApplyService apply = app.services().get(ApplyService.class);
        ServiceItem item = apply.item(PENSION).orElseThrow();
        var card = DemoCards.all().get(0);
        Map<String, String> values = new LinkedHashMap<>(apply.prefill(item, card));
        values.put("phone", "13905510001");
        return apply.submit(card, item, values, "VILLAGE_POINT").sealed();
    }

    private void enroll() throws IOException {
        Path countyPub = Files.writeString(dir.resolve("county.pub.pem"), Sm2.publicKeyPem(county.getPublic()));
        provision("enroll", "--data-dir", data.toString(), "--region", "340121100004", "--site-name", "锦湖社区便民服务站",
                "--site-type", "village-point", "--uplink", platform.baseUri().toString(), "--county-key",
                countyPub.toString(), "--terminal-id", TERMINAL);
    }

    /** The county signs a bundle (configuration, demo authority's catalog, roster) and the technician applies it. */
    private void apply() throws IOException {
        Path countyKey = Files.writeString(dir.resolve("county.pem"), Sm2.privateKeyPem(county.getPrivate()));
        Path authority = Files.writeString(dir.resolve("authority.pub.pem"),
                Sm2.publicKeyPem(CatalogBundle.demoAuthority()));
        Path catalog = Files.write(dir.resolve("catalog.json"), CatalogBundle.resource("catalog-340121").toEnvelope());
        Path staff = Files.writeString(dir.resolve("staff.json"), "[]");
        Path bundle = dir.resolve("terminal.bundle");
        provision("bundle", "--key", countyKey.toString(), "--config",
                data.resolve("config/terminal.properties").toString(), "--catalog", catalog.toString(),
                "--catalog-authority", authority.toString(), "--staff", staff.toString(), "--output", bundle.toString());
        provision("apply", "--data-dir", data.toString(), bundle.toString());
    }

    private void writeDevices(String printer) throws IOException {
        Files.writeString(data.resolve("devices.properties"),
                "reader=simulated\nscanner=simulated\npanel=simulated\n" + printer, StandardCharsets.UTF_8);
    }

    private void provision(String... args) {
        int code = ProvisionCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err), clock)
                .execute(args);
        assertEquals(0, code, String.join(" ", args) + ": " + err);
    }
}
