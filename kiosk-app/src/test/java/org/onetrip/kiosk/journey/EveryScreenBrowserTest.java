package org.onetrip.kiosk.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.intake.StatusSchedule;
import org.onetrip.kiosk.KioskApplication;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every screen a resident meets, in standard and elder mode, checked with axe-core (no serious or critical WCAG
 * 2.1 AA violation) and saved as a screenshot to {@code target/screens} ({@code docs/screens/update.sh} copies
 * them into the docs). Elder mode is measured too: body text ≥ 18 pt (24 px) and touch targets ≥ 60 px.
 */
class EveryScreenBrowserTest {
    private static final String PENSION = "113401210034512345205002001";

    @TempDir
    static Path dir;
    private static KioskApplication app;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static Axe axe;

    @BeforeAll
    static void start() throws Exception {
        axe = Axe.load();
        StatusSchedule acceptAtOnce = new StatusSchedule(
                List.of(new StatusSchedule.Step(Duration.ZERO, "ACCEPTED", null)), 0);
        app = KioskApplication.demo(new KioskApplication.DemoSettings("127.0.0.1", 0, dir.resolve("data"),
                acceptAtOnce, Duration.ofMillis(300))
                // axe on a loaded machine can take longer than the privacy timeout; its countdown would cover the screen
                .withResidentIdleTimeout(Duration.ofMinutes(10)), Clock.system(KioskApplication.CHINA));
        app.start();
        browser = Browser.start(dir.resolve("chromium"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void every_screen_passes_axe_in_both_modes_and_elder_mode_is_large() throws Exception {
        List<String> problems = new ArrayList<>();
        for (boolean elder : List.of(false, true)) {
            String suffix = elder ? "-elder" : "";
            browser.manage().deleteAllCookies();
            browser.get(app.uri().toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
            if (elder) {
                click(By.id("switch-elder"));
                wait.until(d -> (Boolean) browser.executeScript("return document.body.classList.contains('elder')"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
                assertElderSizes(problems, "home");
            }
            check(problems, "home" + suffix);
            click(By.id("tile-apply"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-panel")));
            check(problems, "identify" + suffix);
            click(By.cssSelector(".demo-card"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resident")));
            check(problems, "items" + suffix);
            click(By.cssSelector("#item-search input"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pinyin-keyboard")));
            check(problems, "items-keyboard" + suffix);
            click(By.id("key-close"));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("pinyin-keyboard")));
            click(By.cssSelector("[data-guide='" + PENSION + "']"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("guide-print")));
            check(problems, "guide" + suffix);
            click(By.id("guide-apply"));
            if (elder) {
                // The first pass sealed an application with this card: the form asks once whether to reuse it.
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prefill-question")));
                check(problems, "prefill-question" + suffix);
                assertElderSizes(problems, "prefill-question");
                click(By.id("prefill-yes"));
            }
            WebElement phone = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#field-phone input")));
            check(problems, "form" + suffix);
            if (elder) {
                assertElderSizes(problems, "form");
                for (int i = 0; i < 10 && !phone.isDisplayed(); i++) {
                    String before = browser.findElement(By.id("step-count")).getText();
                    click(By.id("step-next"));
                    wait.until(d -> !d.findElement(By.id("step-count")).getText().equals(before));
                }
            }
            if (phone.getDomProperty("value").isEmpty()) {
                phone.sendKeys("13905510001");
            }
            click(By.xpath("//vaadin-radio-button[contains(., '快递')]"));
            click(By.cssSelector("#delivery-house input"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("house-keypad")));
            check(problems, "delivery-express" + suffix);
            if (elder) {
                assertElderSizes(problems, "delivery-express");
            }
            click(By.id("house-keypad-done"));
            click(By.id("to-review"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review")));
            check(problems, "review" + suffix);
            click(By.id("submit"));
            WebElement receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-image")));
            wait.until(d -> ((Number) browser.executeScript("return arguments[0].naturalWidth", receipt)).intValue() > 0);
            check(problems, "receipt" + suffix);
            click(By.id("to-status"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-list"), "办件编号"));
            check(problems, "status" + suffix);
            click(By.id("done"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
            if (!elder) {
                click(By.id("demo-scan-receipt"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan-genuine")));
                check(problems, "scanned-receipt");
                click(By.id("done"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
                app.printer().paperOut();
                browser.navigate().refresh();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status-line")));
                check(problems, "home-printer-out");
                app.printer().paperLoaded();
                browser.get(app.uri() + "coverage");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("coverage-grid")));
                check(problems, "coverage");
            }
        }
        assertEquals(List.of(), problems, "serious or critical accessibility problems");
    }

    private static void check(List<String> problems, String screen) throws Exception {
        Path target = Path.of("target", "screens", screen + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
        axe.seriousViolations(browser).forEach(v -> problems.add(screen + ": " + v));
    }

    /** Elder mode's promises, measured: text ≥ 24 px (18 pt), every button and field ≥ 60 px high. */
    private static void assertElderSizes(List<String> problems, String screen) {
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) browser.executeScript("""
                const out = [];
                document.querySelectorAll('.kiosk-content p, .kiosk-content span, .kiosk-content label').forEach(e => {
                  if (e.offsetParent && e.textContent.trim() && parseFloat(getComputedStyle(e).fontSize) < 24) {
                    out.push('text ' + e.textContent.trim().slice(0, 20) + ' ' + getComputedStyle(e).fontSize);
                  }
                });
                document.querySelectorAll('vaadin-button, vaadin-text-field input').forEach(e => {
                  const r = e.getBoundingClientRect();
                  if (e.offsetParent !== null && r.height > 0 && r.height < 60) {
                    out.push('target ' + (e.id || e.textContent.trim().slice(0, 20)) + ' ' + r.height + 'px');
                  }
                });
                return out;
                """);
        small.forEach(s -> problems.add(screen + " (elder): " + s));
        assertTrue(browser.findElement(By.id("switch-elder")).getAttribute("aria-pressed").equals("true"));
    }

    private static void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }
}
