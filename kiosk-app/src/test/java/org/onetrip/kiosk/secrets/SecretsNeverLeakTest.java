package org.onetrip.kiosk.secrets;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onetrip.provisioning.bundle.StaffQr;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.printer.receipt.ReceiptBlock;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.agency.StaffSession;
import org.onetrip.kiosk.agency.filing.FilingCase;
import org.onetrip.kiosk.agency.filing.FilingService;
import org.onetrip.kiosk.agency.ledger.LedgerService;
import org.onetrip.kiosk.agency.staff.StaffService;
import org.onetrip.kiosk.agency.stats.StatsService;
import org.onetrip.kiosk.apply.ApplyService;
import org.onetrip.kiosk.apply.FormView;
import org.onetrip.kiosk.receipt.ReceiptService;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.status.ReceiptLookup;
import org.onetrip.kiosk.technician.TechnicianService;
import org.onetrip.kiosk.web.KaribuKiosk;
import org.onetrip.store.catalog.ServiceItem;
import org.onetrip.store.feedback.FeedbackStore;
import org.onetrip.store.ledger.CaseStatistics;
import org.onetrip.store.ledger.LedgerFilter;
import org.onetrip.store.staff.Roster;
import org.onetrip.store.staff.StaffMember;
import org.onetrip.store.submission.DeliveryDetails;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.SealedSubmission;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.sync.SyncEngine;
import org.onetrip.store.token.Base45;
import org.onetrip.store.token.ReceiptTokenSigner;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Issue 10 item 7 and the threat model's open row: a demo terminal's whole day — three residents apply (one twice,
 * with prefill), rate, complain and scan receipts, then open their form on screen (Karibu) and say yes to the
 * prefill; an agent signs in (after a wrong PIN) and files for a resident with
 * a scanned material; a technician signs in; the queue reaches the platform — with every log event of our code
 * captured at DEBUG (third-party loggers at their shipped levels). No log line, CSV export or receipt QR holds a demo
 * resident's name, full ID number, address or phone, a PIN, a PIN digest, the applicant salt or the private key.
 */
class SecretsNeverLeakTest {
    private static final String PENSION = "113401210034512345205002001";
    private static final List<IdentityCard> RESIDENTS = DemoCards.all();
    private static final List<String> PHONES = List.of("13905510001", "13905510002", "13905510003");
    private static final String DELIVERY_ADDRESS = "长丰县水湖镇锦湖社区幸福路88号";
    private static final String AGENT_PIN = "246810";
    private static final String SUPERVISOR_PIN = "135790";

    @TempDir
    static Path dir;
    private static KioskApplication app;
    private static ListAppender<ILoggingEvent> captured;
    private static final Map<String, Level> levels = new LinkedHashMap<>();
    private static final List<SealedSubmission> sealed = new ArrayList<>();
    private static byte[] ledgerCsv;
    private static byte[] statsCsv;
    private static String agentId;

    @BeforeAll
    static void aWholeDayOnADemoTerminal() throws Exception {
        captureEveryLogEvent();
        app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir.resolve("data")),
                Clock.system(KioskApplication.CHINA));
        app.start();
        KaribuKiosk.setUp(app.services());
        try {
            residentsApply();
            residentsOpenTheirFormAgainOnScreen();
            anAgentFilesForAResident();
            aTechnicianSignsIn();
            theQueueReachesThePlatform();
        } finally {
            MockVaadin.tearDown();
        }
    }

    private static void captureEveryLogEvent() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(captured);
        for (String name : List.of(Logger.ROOT_LOGGER_NAME, "org.onetrip")) {
            levels.put(name, context.getLogger(name).getLevel());
            context.getLogger(name).setLevel(Level.DEBUG);
        }
    }

    private static void residentsApply() {
        ApplyService apply = app.services().get(ApplyService.class);
        FeedbackStore feedback = app.services().get(FeedbackStore.class);
        ReceiptLookup lookup = app.services().get(ReceiptLookup.class);
        ServiceItem item = apply.item(PENSION).orElseThrow();
        for (int visit = 0; visit < RESIDENTS.size() + 1; visit++) {
            int who = visit % RESIDENTS.size();
            IdentityCard card = RESIDENTS.get(who);
            Optional<Map<String, String>> earlier = apply.earlierValues(card);
            Map<String, String> values = earlier.isPresent() ? apply.prefill(item, card, earlier.get())
                    : apply.prefill(item, card);
            values.put("phone", PHONES.get(who));
            values.put("bank", "4321");
            var submitted = apply.submit(card, item, values, "EXPRESS",
                    DeliveryDetails.express(DELIVERY_ADDRESS, PHONES.get(who)));
            sealed.add(submitted.sealed());
            UUID id = submitted.sealed().id();
            feedback.rate(id, 1 + visit % 5, "我的电话是" + PHONES.get(who) + "，住在" + card.address());
            feedback.complain(Optional.of(id), "服务态度", card.name() + " 身份证 " + card.idNumber() + " 投诉");
            lookup.lookup(qrPayload(submitted.sealed()));
            lookup.lookup(card.idNumber()); // a resident holds the wrong code to the scanner
            lookup.lookup(ReceiptTokenSigner.PREFIX + card.idNumber());
        }
    }

    /** The form's screen with the prefill question answered yes, then the privacy wipe, for each resident. */
    private static void residentsOpenTheirFormAgainOnScreen() {
        for (IdentityCard card : RESIDENTS) {
            ResidentSession.current().identified(card);
            UI.getCurrent().navigate(FormView.class, PENSION);
            _find(Button.class, spec -> spec.withId("prefill-yes")).forEach(LocatorJ::_click);
            assertEquals(PHONES.get(RESIDENTS.indexOf(card)),
                    _get(TextField.class, spec -> spec.withId("field-phone")).getValue());
            ResidentSession.end(UI.getCurrent());
            MockVaadin.tearDown();
            KaribuKiosk.setUp(app.services());
        }
    }

    private static void anAgentFilesForAResident() {
        StaffService staff = app.services().get(StaffService.class);
        StaffMember agent = Roster.demo().members().stream().filter(m -> m.role() == StaffMember.Role.AGENT)
                .findFirst().orElseThrow();
        agentId = agent.id();
        staff.signIn(agentId, "000000");
        staff.signIn(RESIDENTS.get(0).idNumber(), AGENT_PIN); // a resident's card on the staff reader
        staff.signIn(agentId, AGENT_PIN);
        StaffSession session = StaffSession.current().orElseThrow();
        FilingService filing = app.services().get(FilingService.class);
        ServiceItem item = filing.item(PENSION).orElseThrow();
        IdentityCard resident = RESIDENTS.get(1);
        FilingCase c = filing.authorise(session, item, resident);
        filing.printSlip(c, session);
        filing.slipSigned(c);
        for (String material : filing.missingMaterials(c)) {
            filing.stage(c, material, new ByteArrayInputStream((material + "的照片").getBytes(StandardCharsets.UTF_8)),
                    "image/jpeg", true);
        }
        Map<String, String> values = filing.apply().prefill(item, resident);
        values.put("phone", PHONES.get(1));
        values.put("bank", "8765");
        values.put(FilingService.NOTE_FIELD, "本人行动不便，电话" + PHONES.get(1));
        sealed.add(filing.submit(c, values, "WINDOW").sealed());
        LedgerService ledger = app.services().get(LedgerService.class);
        ledgerCsv = ledger.export(ledger.cases(LedgerFilter.all()), Locale.SIMPLIFIED_CHINESE, agentId);
        StatsService stats = app.services().get(StatsService.class);
        LocalDate today = stats.today();
        statsCsv = stats.csv(stats.periods(CaseStatistics.Granularity.DAY, today.minusDays(7), today),
                Locale.SIMPLIFIED_CHINESE);
    }

    private static void aTechnicianSignsIn() {
        TechnicianService technician = app.services().get(TechnicianService.class);
        technician.checkPin("1111");
        technician.checkPin(TechnicianService.DEMO_PIN);
        technician.checkQr("ONETRIP:T:" + RESIDENTS.get(2).idNumber());
        technician.selfTest();
    }

    /** Lets the sync engine send everything to the simulated platform (real HTTP on loopback, so it takes a moment). */
    private static void theQueueReachesThePlatform() throws InterruptedException {
        SyncEngine sync = app.services().get(SyncEngine.class);
        Outbox outbox = new Outbox(app.services().get(SubmissionStore.class));
        FeedbackStore feedback = app.services().get(FeedbackStore.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (outbox.pendingCount() + feedback.pendingCount() > 0) {
            if (Instant.now().isAfter(deadline)) {
                fail("the queue did not empty: " + outbox.pendingCount() + " submissions, " + feedback.pendingCount()
                        + " ratings and complaints still pending");
            }
            sync.nudge();
            Thread.sleep(100); // real uploads over loopback: nothing to put a clock on
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    private static String qrPayload(SealedSubmission s) {
        return app.services().get(ReceiptService.class).document(s).blocks().stream()
                .filter(ReceiptBlock.Qr.class::isInstance).map(b -> ((ReceiptBlock.Qr) b).payload())
                .findFirst().orElseThrow();
    }

    /** What must never leave the store or the key file, each with a name for the failure message. */
    private static Map<String, Pattern> secrets() throws Exception {
        Map<String, Pattern> s = new LinkedHashMap<>();
        for (IdentityCard card : RESIDENTS) {
            s.put("name of " + card.maskedName(), Pattern.compile(Pattern.quote(card.name())));
            s.put("ID number of " + card.maskedName(), Pattern.compile("(?i)" + Pattern.quote(card.idNumber())));
            s.put("address of " + card.maskedName(), Pattern.compile(Pattern.quote(card.address())));
        }
        for (String phone : PHONES) {
            s.put("phone " + phone.substring(0, 3), Pattern.compile("(?<!\\d)" + phone + "(?!\\d)"));
        }
        s.put("delivery address", Pattern.compile(Pattern.quote(DELIVERY_ADDRESS)));
        s.put("agent PIN", Pattern.compile("(?<![0-9A-Za-z])" + AGENT_PIN + "(?![0-9A-Za-z])"));
        s.put("supervisor PIN", Pattern.compile("(?<![0-9A-Za-z])" + SUPERVISOR_PIN + "(?![0-9A-Za-z])"));
        s.put("technician PIN", Pattern.compile("(?<![0-9A-Za-z:.\\-])" + TechnicianService.DEMO_PIN
                + "(?![0-9A-Za-z:.\\-])"));
        String roster = new String(Roster.class.getResourceAsStream("demo-staff.json").readAllBytes(),
                StandardCharsets.UTF_8);
        var digests = Pattern.compile("pbkdf2-sha256\\$\\d+\\$([^$\"]+)\\$([^\"]+)").matcher(roster);
        while (digests.find()) {
            s.put("PIN digest salt", Pattern.compile(Pattern.quote(digests.group(1))));
            s.put("PIN digest " + digests.group(2).substring(0, 4), Pattern.compile(Pattern.quote(digests.group(2))));
        }
        s.put("a private key PEM", Pattern.compile("PRIVATE KEY"));
        List<Path> keys;
        try (var files = Files.walk(dir.resolve("data/keys"))) {
            keys = files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".pub.pem"))
                    .toList();
        }
        assertTrue(keys.contains(dir.resolve("data/keys/terminal-key.pem")), "the private key is looked for: " + keys);
        for (Path key : keys) { // the terminal's and the courier's private keys, and any later one (a data key)
            for (String line : Files.readAllLines(key, StandardCharsets.ISO_8859_1)) {
                if (!line.startsWith("-----") && line.strip().length() >= 16) {
                    s.put("a line of " + key.getFileName(), Pattern.compile(Pattern.quote(line.strip())));
                }
            }
        }
        s.put("applicant salt", Pattern.compile("(?i)" + Pattern.quote(applicantSalt())));
        return s;
    }

    private static String applicantSalt() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + app.databaseFile() + "?mode=ro");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT value FROM setting WHERE name = 'applicant_salt'")) {
            assertTrue(rs.next(), "the store has its applicant salt");
            return rs.getString(1);
        }
    }

    private static void assertHoldsNone(String what, String text) throws Exception {
        List<String> found = new ArrayList<>();
        secrets().forEach((name, pattern) -> {
            var m = pattern.matcher(text);
            if (m.find()) {
                int line = text.lastIndexOf('\n', m.start()) + 1;
                int end = text.indexOf('\n', m.end());
                found.add(name + " in: " + text.substring(line, end < 0 ? text.length() : end));
            }
        });
        assertTrue(found.isEmpty(), what + " leaks:\n" + String.join("\n", found));
    }

    private static String logText() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent e : List.copyOf(captured.list)) {
            all.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(' ').append(e.getThreadName())
                    .append(" - ").append(e.getFormattedMessage()).append(' ').append(e.getMDCPropertyMap());
            if (e.getThrowableProxy() != null) {
                all.append('\n').append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
            all.append('\n');
        }
        return all.toString();
    }

    @Test
    void no_log_event_of_the_day_holds_resident_data_a_pin_a_pin_digest_the_salt_or_the_private_key() throws Exception {
        String logs = logText();
        Files.writeString(Path.of("target", "secrets-never-leak.log"), logs); // what was searched, for a reader
        assertTrue(captured.list.size() > 50 && logs.contains("DEBUG"), "the day was logged, at DEBUG too: "
                + captured.list.size() + " events");
        assertTrue(logs.contains("sealed (task"), "seals were logged");
        assertHoldsNone("the log", logs);
    }

    @Test
    void the_loggers_that_print_request_bodies_at_debug_ship_at_warn() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : List.of("org.eclipse.jetty", "com.vaadin", "org.atmosphere")) {
            assertTrue(context.getLogger(name).getEffectiveLevel().isGreaterOrEqual(Level.WARN),
                    name + " would log HTTP and UIDL payloads (resident input) below WARN");
        }
    }

    @Test
    void the_ledger_and_statistics_csv_exports_hold_masked_ids_only() throws Exception {
        String ledger = new String(ledgerCsv, StandardCharsets.UTF_8);
        String stats = new String(statsCsv, StandardCharsets.UTF_8);
        assertTrue(ledger.contains(RESIDENTS.get(0).maskedIdNumber()), "the ledger names residents masked: " + ledger);
        assertTrue(ledger.contains(PHONES.get(0)), "the ledger keeps the contact phone for the agent's calls");
        for (IdentityCard card : RESIDENTS) {
            assertTrue(!ledger.toUpperCase(Locale.ROOT).contains(card.idNumber().toUpperCase(Locale.ROOT))
                    && !ledger.contains(card.name()) && !ledger.contains(card.address()), "ledger CSV: " + ledger);
        }
        var fullId = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])").matcher(ledger + stats);
        assertTrue(!fullId.find(), () -> "no full ID number at all: " + fullId.group());
        assertHoldsNone("the statistics CSV", stats);
    }

    @Test
    void receipt_qr_payloads_hold_the_masked_applicant_and_a_signature_and_no_secret() throws Exception {
        ReceiptLookup lookup = app.services().get(ReceiptLookup.class);
        for (SealedSubmission s : sealed) {
            String payload = qrPayload(s);
            String decoded = new String(Base45.decode(payload.substring(ReceiptTokenSigner.PREFIX.length())),
                    StandardCharsets.UTF_8);
            assertHoldsNone("a receipt QR", payload + "\n" + decoded);
            var found = assertInstanceOf(ReceiptLookup.Found.class, lookup.lookup(payload));
            assertEquals(s.applicantMask(), found.token().applicantMask());
            assertTrue(!decoded.contains(HexFormat.of().formatHex(found.token().recordDigest()))
                    || found.token().recordDigest().length == 16, "only a 16-byte digest of the body");
        }
    }

    @Test
    void staff_qr_codes_carry_only_the_staff_card_number() throws Exception {
        java.security.KeyPair county = org.onetrip.store.uplink.Sm2.generateKeyPair();
        java.time.Instant now = java.time.Instant.parse("2026-11-23T08:00:00Z");
        String qr = new StaffQr(agentId, now, now.plus(java.time.Duration.ofDays(180)), "n0nce")
                .sign(county.getPrivate());
        String payload = StaffQr.decodePayload(qr);

        assertEquals(agentId, StaffQr.verify(qr, county.getPublic(), now).staffId());
        assertHoldsNone("a staff QR", qr + "\n" + payload);
        assertTrue(!payload.contains(AGENT_PIN) && !payload.contains("pbkdf2"), payload);
    }
}
