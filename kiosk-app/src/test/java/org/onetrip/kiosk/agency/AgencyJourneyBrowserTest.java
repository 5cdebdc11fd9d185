package org.onetrip.kiosk.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.journey.DemoKioskBrowserTest;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.printer.escpos.EscPosRenderer;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.journey.Browser;
import org.onetrip.provisioning.bundle.StaffQr;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.uplink.Sm2;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Agency mode in a real Chromium: a resident who taps 工作人员 reaches only the PIN page; an agent signs in with
 * the staff card and PIN, files for a resident (card tap authorisation, slip, form, two scanned materials, one
 * checked against the original) and the case reaches the simulated platform with the agent; five wrong PINs lock
 * the card. Screenshots go to {@code target/screens/agency-*.png}.
 */
class AgencyJourneyBrowserTest extends DemoKioskBrowserTest {
    private static final String MEDICAL = "113401215201123880205013001";
    private static final String AGENT = "34012119850415046X";

    @Override
    protected KioskApplication.DemoSettings settings(Path data) {
        return acceptingAtOnce(data);
    }

    private void signInPage() {
        browser.get(app.uri().toString());
        click(By.id("staff-link"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-prompt")));
    }

    private void typePin(String pin) {
        for (char d : pin.toCharArray()) {
            click(By.id("pin-key-" + d));
        }
        wait.until(ExpectedConditions.textToBe(By.id("pin-display"), "●".repeat(pin.length())));
        click(By.id("pin-enter"));
    }

    @Test
    void an_agent_signs_in_files_for_a_resident_and_the_case_reaches_the_platform_with_the_agent() throws Exception {
        IdentityCard wang = DemoCards.all().getFirst();
        signInPage();
        Browser.saveScreenshot(browser, "agency-sign-in");
        click(By.id("demo-staff-0"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-pad")));
        assertTrue(browser.findElement(By.id("staff-prompt")).getText().contains("王芳"));
        click(By.id("pin-key-2"));
        click(By.id("pin-key-4"));
        Browser.saveScreenshot(browser, "agency-pin");
        click(By.id("pin-clear"));
        typePin("246810");

        click(By.id("agency-file"));
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#agency-item-search input")));
        search.sendKeys("零星报销");
        By item = By.cssSelector("#agency-items vaadin-button[data-task='" + MEDICAL + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(item));
        Browser.saveScreenshot(browser, "agency-items");
        click(item);

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-panel")));
        browser.findElements(By.cssSelector("#demo-panel vaadin-button")).getFirst().click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("slip-signed")));
        var slip = new EscPosRenderer(app.printer().profile()).render(app.printer().lastJob().orElseThrow());
        Files.createDirectories(Path.of("target", "screens"));
        Files.write(Path.of("target", "screens", "agency-slip-paper.png"), EscPosRenderer.toPng(slip.image()));
        String slipText = String.join("\n", slip.textLines());
        assertTrue(slipText.contains("全程代办委托书") && slipText.contains(wang.maskedIdNumber())
                && slipText.contains("王芳") && slipText.contains("医疗费用手工"), slipText);
        assertFalse(slipText.contains(wang.idNumber()), "the full ID number is never on paper");
        Browser.saveScreenshot(browser, "agency-authorise");
        click(By.id("slip-signed"));

        WebElement phone = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#field-phone input")));
        phone.sendKeys("13912345678");
        browser.findElement(By.cssSelector("#field-agentNote textarea")).sendKeys("老人行动不便，由代办员上门收取材料。");
        upload("material-upload-0", "invoice.png");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("material-state-0"), "已收到"));
        click(By.cssSelector("#material-checked-0"));
        upload("material-upload-1", "summary.png");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("material-state-1"), "已收到"));
        assertFalse(browser.findElement(By.tagName("body")).getText().contains(wang.idNumber()));
        Browser.saveScreenshot(browser, "agency-form");
        click(By.id("agency-submit"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agency-done-status")));
        wait.until(d -> app.intake().storedSubmissionCount() == 1);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agency-done-status"), "已受理"));
        Browser.saveScreenshot(browser, "agency-done");

        String id = single("SELECT id FROM submission");
        assertEquals(AGENT, single("SELECT staff_id FROM agency_filing WHERE submission_id = '" + id + "'"));
        assertEquals(List.of("B", "C"), column("SELECT trust FROM agency_material ORDER BY ordinal"));
        String body = new String(app.services().get(SubmissionStore.class).openBody(id, blob("SELECT body FROM submission")),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(body.contains("\"agentId\":\"" + AGENT + "\"") && body.contains("老人行动不便"), body);
        assertEquals(List.of("staff.signed-in", "agency.authorised", "agency.slip-printed", "agency.slip-signed",
                "agency.material-checked", "agency.material-unchecked", "agency.filed", "submission.sealed"),
                column("SELECT action FROM audit_log WHERE actor = '" + AGENT + "' ORDER BY seq"));

        click(By.id("staff-sign-out"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
        browser.get(app.uri().resolve("agency/file").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-prompt")));
        assertEquals("staff.signed-out", single("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"));
    }

    @Test
    void a_staff_badge_qr_from_the_demo_county_opens_the_keypad_for_its_member_and_the_pin_signs_in()
            throws Exception {
        signInPage();
        click(By.id("demo-staff-qr-1"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-pad")));
        assertTrue(browser.findElement(By.id("staff-prompt")).getText().contains("张伟"));
        Browser.saveScreenshot(browser, "agency-badge-qr");
        typePin("135790");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agency-file")));
    }

    @Test
    void five_wrong_pins_lock_the_staff_card_and_a_resident_card_gets_no_keypad() throws Exception {
        signInPage();
        // An unsigned staff QR (the old form, copied from a badge) is refused; a county-signed one names the member
        // (张伟) and the PIN is still asked for.
        KeyPair county = Sm2.generateKeyPair();
        Path countyKey = new TerminalFiles(dir.resolve("data")).countyKey();
        Files.createDirectories(countyKey.getParent());
        Files.writeString(countyKey, Sm2.publicKeyPem(county.getPublic()));
        app.devices().simulatedScanner().orElseThrow().scan(StaffQr.UNSIGNED_PREFIX + "340121197809020135");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-message"), "没有县里的签名"));
        assertFalse(padShown());
        Instant now = Instant.now();
        app.devices().simulatedScanner().orElseThrow().scan(new StaffQr("340121197809020135", now,
                now.plus(Duration.ofDays(180)), "badge-1").sign(county.getPrivate()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-prompt"), "张伟"));
        assertTrue(padShown());

        click(By.id("demo-staff-resident"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-message"), "不在本服务点"));
        assertFalse(padShown());

        click(By.id("demo-staff-0"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-pad")));
        for (int left = 4; left >= 1; left--) {
            typePin("111111");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-message"),
                    "还可以再试 " + left + " 次"));
        }
        typePin("111111");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-message"), "已锁定"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("pin-pad")));
        Browser.saveScreenshot(browser, "agency-locked");

        // Tapping the card again does not bring the keypad back while the lock lasts.
        click(By.id("demo-staff-0"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-message"), "已锁定"));
        assertFalse(padShown());
        browser.get(app.uri().resolve("agency").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-prompt")));
        assertEquals("1", single("SELECT count(*) FROM audit_log WHERE action = 'staff.locked-out' AND actor = '"
                + AGENT + "'"));
        assertEquals("1", single("SELECT count(*) FROM staff_lockout WHERE locked_until IS NOT NULL"));
    }

    private boolean padShown() {
        return browser.findElements(By.id("pin-pad")).stream().anyMatch(WebElement::isDisplayed);
    }

    private void upload(String id, String name) throws Exception {
        Path file = dir.resolve(name);
        var picture = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        picture.setRGB(name.length(), 1, 0xffffff); // two different files, two different hashes
        javax.imageio.ImageIO.write(picture, "png", file.toFile());
        Browser.uploadTo(browser, id, file);
    }

    private List<String> column(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private byte[] blob(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getBytes(1);
        }
    }

    private String single(String sql) throws Exception {
        List<String> values = column(sql);
        assertEquals(1, values.size(), sql + " → " + values);
        return values.getFirst();
    }
}
