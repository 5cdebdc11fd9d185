package org.onetrip.kiosk.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.intake.StatusSchedule;
import org.onetrip.intake.fault.Faults;
import org.onetrip.hardware.config.DeviceConfig;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.KioskSetup;
import org.onetrip.kiosk.agency.courier.CourierService;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.courier.CourierStore;
import org.onetrip.store.uplink.TerminalIdentity;
import org.onetrip.kiosk.journey.Axe;
import org.onetrip.kiosk.journey.Browser;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.sync.SyncEngine;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 8's "done when" in a real Chromium, through the screens only: an agent signs in with the staff card and
 * PIN, files for the demo's three residents (the platform accepts the first, asks the second for a correction; the
 * link then goes down and the third waits), sees the three cases and the 补正 note on the ledger, exports them as
 * CSV (masked ID numbers only), exports the waiting case to the USB courier and re-imports the bundle (nothing new
 * at the same terminal), a second terminal of the county (started in-process, trusting the first terminal's key)
 * imports the bundle and uploads the case, the first terminal's link returns and the agent lets its queue go (the
 * platform stores each case exactly once), and the agent signs out, after which the agency pages forward to the
 * sign-in. The agency home, ledger and courier pages pass axe (no serious or critical WCAG 2.1 AA violations) in
 * the standard and the elder style (staff pages have no elder switch: the test sets the body's {@code elder} class
 * the resident switch sets). Screenshots go to {@code target/screens/agency-day-*}.
 */
class VillageDayBrowserTest {
    private static final String MEDICAL = "113401215201123880205013001";
    /** 王芳, the demo roster's agent (her staff card number is the actor in the audit log). */
    private static final String AGENT = "34012119850415046X";
    private static Axe axe;

    @TempDir
    Path dir;
    private KioskApplication app;
    private KioskApplication terminalB;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void loadAxe() throws Exception {
        axe = Axe.load();
    }

    @BeforeEach
    void start() throws Exception {
        // Deterministic platform: every case is accepted at once, except every 2nd received, which needs 补正.
        StatusSchedule secondNeedsCorrection = new StatusSchedule(
                List.of(new StatusSchedule.Step(Duration.ZERO, "ACCEPTED", "已受理")), 2);
        app = KioskApplication.demo(new KioskApplication.DemoSettings("127.0.0.1", 0, dir.resolve("data"),
                secondNeedsCorrection, Duration.ofMillis(300)), Clock.system(KioskApplication.CHINA));
        app.start();
        browser = Browser.start(dir.resolve("chromium"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (terminalB != null) {
            terminalB.stop();
        }
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void an_agent_runs_a_village_points_day_from_sign_in_to_sign_out() throws Exception {
        List<IdentityCard> residents = DemoCards.all();
        assertEquals(3, residents.size(), "the demo panel has three made-up resident cards");

        signIn();
        axeClean("agency home");

        List<UUID> filed = new ArrayList<>();
        filed.add(fileFor(0, true));
        wait.until(d -> status(filed.get(0)).equals("ACCEPTED"));
        filed.add(fileFor(1, false));
        wait.until(d -> status(filed.get(1)).equals("NEEDS_CORRECTION"));

        // The village's link goes down: the third case is sealed here and waits for the network.
        app.intake().setFaults(new Faults(0, 0, 1, 0, Duration.ZERO, 1));
        filed.add(fileFor(2, true));
        assertEquals(2, app.intake().storedSubmissionCount(), "the third case has not reached the platform");

        click(By.id("agency-home"));
        click(By.id("agency-ledger"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ledger-summary"), "共 3 件"));
        String ledger = browser.findElement(By.id("ledger-grid")).getText();
        for (IdentityCard r : residents) {
            assertTrue(ledger.contains(r.maskedIdNumber()), "each resident's case is listed: " + ledger);
            assertFalse(ledger.contains(r.idNumber()), "ID numbers are masked on the ledger");
        }
        assertTrue(ledger.contains("已受理") && ledger.contains("需要补正") && ledger.contains("已提交，待同步"), ledger);
        assertTrue(ledger.contains("需补正：" + StatusSchedule.CORRECTION_NOTE), ledger);
        assertTrue(browser.findElement(By.id("ledger-summary")).getText().contains("待补正 1 件"));
        Browser.saveScreenshot(browser, "agency-day-ledger");
        axeClean("ledger");

        String csv = download(browser.findElement(By.id("ledger-csv")));
        for (IdentityCard r : residents) {
            assertTrue(csv.contains(r.maskedIdNumber()), "the CSV lists every case: " + csv);
            assertFalse(csv.contains(r.idNumber()), "the CSV holds masked ID numbers only");
        }
        assertTrue(csv.contains(StatusSchedule.CORRECTION_NOTE), csv);

        // The county provisions its two terminals with each other's public key (no private key is shared): the
        // courier bundle is encrypted for both and each accepts the other's signature.
        TerminalIdentity identityB = TerminalIdentity.loadOrCreate(terminalBConfig().terminalId(),
                dir.resolve("terminal-b/keys"));
        County county = new County()
                .terminal(TerminalConfig.demo().terminalId(), TerminalIdentity.loadOrCreate(
                        TerminalConfig.demo().terminalId(), dir.resolve("data/keys")).publicKey())
                .terminal(identityB.terminalId(), identityB.publicKey());
        county.provision(dir.resolve("data"), TerminalConfig.demo(), Clock.systemUTC());
        county.provision(dir.resolve("terminal-b"), terminalBConfig(), Clock.systemUTC());

        click(By.id("agency-home"));
        click(By.id("agency-courier"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("courier-pending"), "待上传 1 件"));
        WebElement directory = browser.findElement(By.cssSelector("#courier-directory input"));
        directory.clear();
        directory.sendKeys(dir.resolve("media/usb0").toString() + "\n");
        click(By.id("courier-export"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("courier-result"), "已导出 1 件申请（1 个附件）"));
        click(By.id("courier-import-0"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("courier-result"),
                "新排队上传 0 件，本机已有 1 件"));
        Browser.saveScreenshot(browser, "agency-day-courier");
        axeClean("courier");

        // The bundle is carried to a second terminal of the county that is online; it queues and uploads it
        // (terminal A stays offline meanwhile: its uploader is stopped while the platform is reachable again).
        SyncEngine syncA = app.services().get(SyncEngine.class);
        syncA.stop();
        app.intake().setFaults(Faults.NONE);
        Path bundle = onlyBundle(dir.resolve("media/usb0"));
        terminalB = secondTerminal();
        CourierStore.Imported atB = terminalB.services().get(CourierService.class).importBundle(bundle, "B-agent");
        assertEquals(1, atB.queued(), "terminal B has not seen the case: it queues it");
        assertEquals(TerminalConfig.demo().terminalId(), atB.originTerminal());
        wait.until(d -> app.intake().storedSubmissionCount() == 3);
        assertEquals(1, app.intake().storedCopiesOf(filed.get(2)), "stored once, from terminal B");
        wait.until(d -> terminalB.services().get(SubmissionStore.class).find(filed.get(2)).orElseThrow().projectNo()
                .isPresent());
        assertEquals("SEALED", status(filed.get(2)), "terminal A has not uploaded it itself yet");
        syncA.start();

        // Terminal A's link returns; the agent lets its queue go at once instead of waiting for the back-off.
        click(By.id("agency-home"));
        click(By.id("agency-queue"));
        click(By.id("queue-retry-now"));
        wait.until(d -> app.intake().storedSubmissionCount() == 3);
        for (UUID id : filed) {
            assertEquals(1, app.intake().storedCopiesOf(id), "the platform stores each case exactly once");
        }
        wait.until(d -> status(filed.get(2)).equals("ACCEPTED"));
        assertEquals(1, app.intake().storedCopiesOf(filed.get(2)), "A's own upload of the couriered case is deduplicated");
        assertEquals(3, app.intake().storedSubmissionCount());

        click(By.id("staff-sign-out"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
        for (String page : List.of("agency", "agency/ledger", "agency/courier", "agency/queue", "agency/file")) {
            browser.get(app.uri().resolve(page).toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-prompt")));
            assertTrue(browser.findElements(By.id("agency-staff")).isEmpty(), page + " is not shown after sign-out");
        }
        assertEquals(List.of("staff.signed-in", "agency.filed", "agency.filed", "agency.filed", "ledger.exported",
                "courier.exported", "courier.imported", "staff.signed-out"), agentsAudit(),
                "every staff action of the day is in the audit log under the agent's id");
    }

    private TerminalConfig terminalBConfig() {
        TerminalConfig a = TerminalConfig.demo();
        return new TerminalConfig("demo-340121100004-02", a.siteName(), a.siteType(), a.region(),
                app.intake().baseUri(), a.residentIdleTimeout(), a.voice());
    }

    /**
     * Another terminal of the county, online to the same platform: its own key pair, provisioned (above) with the
     * county terminals' list that holds terminal A's public key, and enrolled at the platform.
     */
    private KioskApplication secondTerminal() throws Exception {
        Path data = dir.resolve("terminal-b");
        TerminalConfig b = terminalBConfig();
        TerminalIdentity identity = TerminalIdentity.loadOrCreate(b.terminalId(), data.resolve("keys"));
        app.intake().enroll(b.terminalId(), identity.publicKeyPem());
        KioskSetup demo = KioskSetup.demo(new KioskApplication.DemoSettings("127.0.0.1", 0, data,
                StatusSchedule.demo(), Duration.ofMillis(300)), DeviceConfig.simulated());
        KioskApplication started = KioskApplication.of(new KioskSetup(demo.host(), demo.port(), data, b,
                demo.devices(), demo.printer(), demo.catalog(), demo.catalogAuthority(),
                new KioskSetup.Platform.Remote(app.intake().baseUri()), demo.syncInterval(), null),
                Clock.system(KioskApplication.CHINA));
        started.start();
        return started;
    }

    private static Path onlyBundle(Path usb) throws Exception {
        try (var files = Files.list(usb)) {
            List<Path> bundles = files.filter(f -> f.toString().endsWith(CourierStore.SUFFIX)).toList();
            assertEquals(1, bundles.size(), "one bundle on the medium: " + bundles);
            return bundles.getFirst();
        }
    }

    private List<String> agentsAudit() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile());
             PreparedStatement s = c.prepareStatement("""
                     SELECT action FROM audit_log WHERE actor = ? AND action IN ('staff.signed-in', 'agency.filed',
                       'ledger.exported', 'courier.exported', 'courier.imported', 'staff.signed-out') ORDER BY seq
                     """)) {
            s.setString(1, AGENT);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private void signIn() {
        browser.get(app.uri().toString());
        click(By.id("staff-link"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-prompt")));
        click(By.id("demo-staff-0"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-pad")));
        for (char d : "246810".toCharArray()) {
            click(By.id("pin-key-" + d));
        }
        wait.until(ExpectedConditions.textToBe(By.id("pin-display"), "●".repeat(6)));
        click(By.id("pin-enter"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agency-staff"), "王芳"));
    }

    /** Files the medical-expense item for demo resident {@code index}; returns the sealed case's id. */
    private UUID fileFor(int index, boolean withMaterial) throws Exception {
        if (browser.findElements(By.id("agency-next")).isEmpty()) {
            click(By.id("agency-file"));
        } else {
            click(By.id("agency-next"));
        }
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#agency-item-search input")));
        search.sendKeys("零星报销");
        click(By.cssSelector("#agency-items vaadin-button[data-task='" + MEDICAL + "']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-panel")));
        browser.findElements(By.cssSelector("#demo-panel vaadin-button")).get(index).click();
        click(By.id("slip-signed"));
        WebElement phone = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#field-phone input")));
        phone.sendKeys("1391234567" + index);
        if (withMaterial) {
            upload("material-upload-0", "invoice-" + index + ".png");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("material-state-0"), "已收到"));
            click(By.cssSelector("#material-checked-0"));
        }
        click(By.id("agency-submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agency-done-status")));
        String path = browser.getCurrentUrl();
        UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        String applicant = app.services().get(SubmissionStore.class).find(id).orElseThrow().applicantMask();
        assertTrue(applicant.contains(DemoCards.all().get(index).maskedIdNumber()),
                "the case is sealed for the resident whose card was tapped: " + applicant);
        return id;
    }

    private String status(UUID id) {
        return app.services().get(SubmissionStore.class).find(id).orElseThrow().status().name();
    }

    /** What the link offers, fetched by the page itself (its session, its cookies). */
    private String download(WebElement link) {
        String href = link.getAttribute("href");
        return (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' }).then(r => r.text()).then(done)
                    .catch(e => done('fetch failed: ' + e));
                """, href);
    }

    private void axeClean(String screen) {
        var violations = axe.seriousViolations(browser);
        assertTrue(violations.isEmpty(), screen + ": " + violations);
        browser.executeScript("document.body.classList.add('elder')");
        var elder = axe.seriousViolations(browser);
        browser.executeScript("document.body.classList.remove('elder')");
        assertTrue(elder.isEmpty(), screen + " (elder style): " + elder);
    }

    private void upload(String id, String name) throws Exception {
        Path file = dir.resolve(name);
        var picture = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        picture.setRGB(name.length() % 64, 1, 0xffffff);
        picture.setRGB(name.charAt(8) % 64, 2, 0xff0000); // a different file per resident
        javax.imageio.ImageIO.write(picture, "png", file.toFile());
        Browser.uploadTo(browser, id, file);
    }

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

}
