package org.onetrip.kiosk.technician;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.qr.SimulatedQrScanner;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.web.KaribuKiosk;
import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.home.ScanView;
import org.onetrip.kiosk.web.KioskServices;
import org.onetrip.provisioning.bundle.ProvisioningQr;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.uplink.Sm2;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;

/**
 * A technician's QR ({@code onetrip-provision qr}) held to the terminal's scanner on a resident screen: signed by the
 * county this terminal trusts, for this terminal and in time, it opens the PIN page (never past it); expired,
 * forged or for another terminal, it is refused in one plain sentence.
 */
class TechnicianQrTest {
    @TempDir
    Path dir;
    private final KeyPair county = Sm2.generateKeyPair();
    private KioskApplication app;
    private SimulatedQrScanner scanner;
    private String terminalId;

    @BeforeEach
    void setUp() throws Exception {
        app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir), Clock.system(KioskApplication.CHINA));
        terminalId = app.services().get(TerminalConfig.class).terminalId();
        TerminalFiles files = new TerminalFiles(dir);
        TerminalFiles.writeProperties(files.terminalProperties(),
                TerminalFiles.toProperties(app.services().get(TerminalConfig.class)), "enrolled");
        Files.createDirectories(files.trusted());
        Files.writeString(files.countyKey(), Sm2.publicKeyPem(county.getPublic()));
        scanner = app.devices().simulatedScanner().orElseThrow();
        scanner.start();
        KioskServices services = app.services();
        KaribuKiosk.setUp(services);
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        scanner.stop();
    }

    private String qr(KeyPair signer, String terminal, Instant issued, Duration valid) {
        return new ProvisioningQr("technician", terminal, "340121100004", "https://intake.example.gov.cn/",
                "ab".repeat(32), issued, issued.plus(valid), "n-1").sign(signer.getPrivate());
    }

    /** Scans {@code text} on the screen showing and waits (bounded) for the scanner's thread to hand it over. */
    private void scan(String text) throws InterruptedException {
        Object before = UI.getCurrent().getCurrentView();
        String problemBefore = problem();
        scanner.scan(text);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (UI.getCurrent().getCurrentView() == before && problem().equals(problemBefore)) {
            assertTrue(System.nanoTime() < deadline, "the scan never reached the screen");
            MockVaadin.clientRoundtrip(false);
            Thread.sleep(10); // bounded wait for the scanner's event thread
        }
    }

    /** The scan screen's problem line; "" once a scan has navigated away (the scanner's thread may do it any time). */
    private String problem() {
        return _find(Paragraph.class, spec -> spec.withId("scan-problem")).stream().findFirst()
                .map(Paragraph::getText).orElse("");
    }

    @Test
    void a_genuine_technician_qr_scanned_on_the_home_screen_opens_the_pin_page_not_technician_mode() throws Exception {
        UI.getCurrent().navigate(HomeView.class);

        scan(qr(county, terminalId, Instant.now().minusSeconds(60), Duration.ofMinutes(30)));

        assertInstanceOf(TechnicianPinView.class, UI.getCurrent().getCurrentView());
        String shown = _get(Paragraph.class, spec -> spec.withId("technician-qr")).getText();
        assertTrue(shown.contains("已核验") && shown.contains(terminalId), shown);
        UI.getCurrent().navigate(TechnicianView.class);
        assertInstanceOf(TechnicianPinView.class, UI.getCurrent().getCurrentView(), "the PIN is still asked for");
    }

    @Test
    void an_expired_technician_qr_is_refused_with_a_plain_sentence() throws Exception {
        UI.getCurrent().navigate(HomeView.class);

        scan(qr(county, terminalId, Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(2)));

        assertInstanceOf(HomeView.class, UI.getCurrent().getCurrentView());
        assertEquals("这个技术员二维码已过期，不能使用。请向县里重新申请一个。", problem());
    }

    @Test
    void a_qr_signed_by_another_key_or_for_another_terminal_is_refused_on_the_scan_screen() throws Exception {
        UI.getCurrent().navigate(ScanView.class);

        scan(qr(Sm2.generateKeyPair(), terminalId, Instant.now(), Duration.ofMinutes(30)));
        assertInstanceOf(ScanView.class, UI.getCurrent().getCurrentView());
        assertTrue(problem().contains("不是县里为本终端签发"), problem());

        UI.getCurrent().navigate(HomeView.class);
        scan(qr(county, "ot-340121100004-other", Instant.now(), Duration.ofMinutes(30)));
        assertInstanceOf(HomeView.class, UI.getCurrent().getCurrentView());
        assertTrue(problem().contains("不是县里为本终端签发"), problem());
    }

    @Test
    void an_altered_qr_is_refused() throws Exception {
        UI.getCurrent().navigate(HomeView.class);
        String genuine = qr(county, terminalId, Instant.now(), Duration.ofMinutes(30));
        String payload = ProvisioningQr.decodePayload(genuine).replace(terminalId, terminalId.replace("01", "02"));
        String altered = ProvisioningQr.PREFIX + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + genuine.substring(genuine.lastIndexOf('.'));

        scan(altered);

        assertInstanceOf(HomeView.class, UI.getCurrent().getCurrentView());
        assertTrue(problem().contains("已被改动"), problem());
    }

    @Test
    void a_terminal_without_a_county_key_says_to_use_the_pin() throws Exception {
        Files.delete(new TerminalFiles(dir).countyKey());
        UI.getCurrent().navigate(HomeView.class);

        scan(qr(county, terminalId, Instant.now(), Duration.ofMinutes(30)));

        assertTrue(problem().contains("请用技术员密码"), problem());
    }
}
