package org.onetrip.kiosk.journey;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.intake.StatusSchedule;
import org.onetrip.kiosk.KioskApplication;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser test against the demo kiosk: before each test, the kiosk started on a fresh data folder with the
 * settings {@link #settings} gives, and a headless Chromium; after it, both stopped. Subclasses use {@link #app},
 * {@link #browser}, {@link #wait} and {@link #click}.
 */
public abstract class DemoKioskBrowserTest {
    @TempDir
    protected Path dir;
    protected KioskApplication app;
    protected ChromeDriver browser;
    /** Waits up to {@link #patience()}, polling every 100 ms. */
    protected WebDriverWait wait;

    /** The demo's settings for the data folder {@code data}. */
    protected abstract KioskApplication.DemoSettings settings(Path data);

    /** A demo whose platform accepts every submission at once and whose queue runs every 300 ms. */
    protected static KioskApplication.DemoSettings acceptingAtOnce(Path data) {
        return new KioskApplication.DemoSettings("127.0.0.1", 0, data,
                new StatusSchedule(List.of(new StatusSchedule.Step(Duration.ZERO, "ACCEPTED", null)), 0),
                Duration.ofMillis(300));
    }

    /** How long {@link #wait} waits for a condition: 20 s unless a subclass says otherwise. */
    protected Duration patience() {
        return Duration.ofSeconds(20);
    }

    @BeforeEach
    final void startTheKioskAndABrowser() throws Exception {
        app = KioskApplication.demo(settings(dir.resolve("data")), Clock.system(KioskApplication.CHINA));
        app.start();
        browser = Browser.start(dir.resolve("chromium"));
        wait = new WebDriverWait(browser, patience(), Duration.ofMillis(100));
    }

    @AfterEach
    final void stopTheBrowserAndTheKiosk() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (app != null) {
                app.stop();
            }
        }
    }

    /** Clicks once the element is clickable, again if Vaadin re-rendered it in between. */
    protected void click(By by) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            var element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }
}
