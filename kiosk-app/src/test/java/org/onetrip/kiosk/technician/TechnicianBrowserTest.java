package org.onetrip.kiosk.technician;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.journey.Browser;
import org.onetrip.kiosk.journey.DemoKioskBrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** In a real Chromium: five taps on the site name and the technician PIN open technician mode, and leave it. */
class TechnicianBrowserTest extends DemoKioskBrowserTest {
    @Override
    protected KioskApplication.DemoSettings settings(Path data) {
        return KioskApplication.DemoSettings.of(0, data);
    }

    @Test
    void the_hidden_gesture_and_the_pin_open_technician_mode_with_self_test_queue_and_log_and_it_can_be_left() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(app.uri().resolve("technician/panel").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("technician-pin")));
        browser.get(app.uri().toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));

        WebElement site = browser.findElement(By.cssSelector(".kiosk-header .site"));
        for (int i = 0; i < TechnicianGesture.TAPS; i++) {
            site.click();
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("technician-pin")));

        browser.findElement(By.cssSelector("#technician-pin input")).sendKeys("1111");
        browser.findElement(By.id("technician-enter")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("technician-pin-message"), "密码不对"));

        browser.findElement(By.cssSelector("#technician-pin input")).sendKeys(TechnicianService.DEMO_PIN);
        browser.findElement(By.id("technician-enter")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("technician-selftest")));
        String panel = browser.findElement(By.tagName("body")).getText();
        assertTrue(panel.contains("disk") && panel.contains("clock"), panel);
        assertTrue(panel.contains("待上传 0 件"), panel);
        assertTrue(browser.findElement(By.id("technician-coverage")).getAttribute("href").endsWith("coverage"));

        browser.findElement(By.id("technician-exit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
        browser.get(app.uri().resolve("technician/panel").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("technician-pin")));
    }

    @Test
    void a_technician_qr_from_the_demo_county_scanned_at_the_terminal_opens_the_pin_page_naming_the_terminal()
            throws Exception {
        browser.get(app.uri().toString());
        click(By.id("tile-scan"));
        click(By.id("demo-technician-qr"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("technician-pin")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("technician-qr"),
                org.onetrip.provisioning.config.TerminalConfig.demo().terminalId()));
        Browser.saveScreenshot(browser, "technician-qr-accepted");
    }
}
