package org.onetrip.kiosk.journey;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onetrip.intake.StatusSchedule;
import org.onetrip.kiosk.KioskApplication;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The idle wipe in a real Chromium, with the terminal's timeout set to 6 seconds (short, yet long enough for a loaded CI machine): a resident files an
 * application and walks away; the screen counts down, goes home, and the next person finds nothing of them by
 * back, reload or typing the last screens' addresses.
 */
class IdleWipeBrowserTest extends DemoKioskBrowserTest {
    private static final String PENSION = "113401210034512345205002001";

    @Override
    protected KioskApplication.DemoSettings settings(Path data) {
        return new KioskApplication.DemoSettings("127.0.0.1", 0, data,
                StatusSchedule.demo(), Duration.ofSeconds(5)).withResidentIdleTimeout(Duration.ofSeconds(6));
    }

    @Test
    void the_next_person_finds_nothing_of_a_resident_who_walked_away() throws Exception {
        String home = app.uri().toString();
        browser.get(home);
        click(By.id("tile-apply"));
        click(By.cssSelector(".demo-card"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resident")));
        String itemsUrl = browser.getCurrentUrl();
        click(By.cssSelector(".item[data-task='" + PENSION + "']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#field-phone input")))
                .sendKeys("13905510001");
        String formUrl = browser.getCurrentUrl();
        click(By.id("to-review"));
        click(By.id("submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-image")));
        String receiptUrl = browser.getCurrentUrl();
        assertTrue(browser.findElement(By.id("receipt-image")).isDisplayed(), "the receipt shows while they are there");

        // The resident walks away: the countdown shows, then the home screen.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("idle-continue")));
        saveScreenshot("idle-countdown");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
        assertNothingOfTheResident("after the timeout");

        browser.navigate().back();
        waitForAScreen();
        assertNothingOfTheResident("back");
        browser.navigate().refresh();
        waitForAScreen();
        assertNothingOfTheResident("reload");
        for (String url : List.of(receiptUrl, formUrl, itemsUrl, home + "status")) {
            browser.get(url);
            waitForAScreen();
            assertTrue(browser.findElements(By.id("tile-apply")).size() == 1, url + " shows the home screen");
            assertNothingOfTheResident(url);
        }
    }

    @Test
    void continue_keeps_the_resident_in() {
        browser.get(app.uri().toString());
        click(By.id("tile-apply"));
        click(By.cssSelector(".demo-card"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resident")));
        for (int i = 0; i < 3; i++) {
            click(By.id("idle-continue"));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("idle-continue")));
        }
        assertTrue(browser.findElement(By.id("resident")).isDisplayed(), "three 继续 in a row: still there");
    }

    private void waitForAScreen() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".kiosk-content > *")));
    }

    private void assertNothingOfTheResident(String when) {
        String text = bodyText();
        assertFalse(text.contains("王") || text.contains("养老保险待遇") || text.contains("13905510001"),
                when + ": nothing of the last resident remains: " + text);
        assertTrue(browser.findElements(By.id("receipt-image")).isEmpty(), when + ": no receipt on screen");
    }

    private void saveScreenshot(String name) throws java.io.IOException {
        Path target = Path.of("target", "screens", name + ".png");
        java.nio.file.Files.createDirectories(target.getParent());
        java.nio.file.Files.write(target, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private String bodyText() {
        return browser.findElement(By.tagName("body")).getText();
    }

}
