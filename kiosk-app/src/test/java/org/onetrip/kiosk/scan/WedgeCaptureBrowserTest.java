package org.onetrip.kiosk.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The wedge-capture script in a real Chromium: keys sent by chromedriver in one go arrive a few milliseconds
 * apart, as a scanner's do; keys with pauses are a person typing. The script runs exactly as executeJs runs it,
 * with a stand-in for the server side that records the calls.
 */
class WedgeCaptureBrowserTest {
    @TempDir
    static Path profile;
    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void page() {
        driver.get("data:text/html;charset=utf-8,<html><body><input id='name'><div id='capture'></div></body></html>");
        driver.executeScript("""
                window.scans = [];
                const el = document.getElementById('capture');
                el.$server = { scanned: t => window.scans.push(t) };
                (function($0, $1, $2) { %s }).call(el, arguments[0], arguments[1], arguments[2]);
                """.formatted(WedgeCapture.SCRIPT), WedgeCapture.MAX_GAP_MILLIS, WedgeCapture.MIN_LENGTH,
                WedgeCapture.MAX_LENGTH);
    }

    @SuppressWarnings("unchecked")
    private List<String> scans() {
        return (List<String>) driver.executeScript("return window.scans;");
    }

    @Test
    void a_scanner_burst_ending_in_enter_is_a_scan_and_leaves_the_field_as_it_was() {
        WebElement field = driver.findElement(By.id("name"));
        field.click();
        Actions person = new Actions(driver);
        for (char c : "Wang".toCharArray()) {
            person.sendKeys(String.valueOf(c)).pause(Duration.ofMillis(90));
        }
        // then, a moment later, the scanner types its burst
        person.pause(Duration.ofMillis(200))
                .sendKeys("ONETRIP:STATUS:2f1d6c0e-5b1a-4f7e-9a55-0c4d1e2f3a4b" + Keys.ENTER).perform();

        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !scans().isEmpty());
        assertEquals(List.of("ONETRIP:STATUS:2f1d6c0e-5b1a-4f7e-9a55-0c4d1e2f3a4b"), scans());
        assertEquals("Wang", field.getDomProperty("value"), "the burst is taken back out of the field");
    }

    @Test
    void a_person_typing_is_left_alone() {
        WebElement field = driver.findElement(By.id("name"));
        field.click();
        Actions typing = new Actions(driver);
        for (char c : "ZW1:ABCDEFG".toCharArray()) {
            typing.sendKeys(String.valueOf(c)).pause(Duration.ofMillis(90));
        }
        typing.sendKeys(Keys.ENTER).perform();

        assertEquals(List.of(), scans());
        assertEquals("ZW1:ABCDEFG", field.getDomProperty("value"));
    }

    @Test
    void a_burst_without_a_suffix_is_a_scan_once_the_keys_stop() {
        driver.findElement(By.tagName("body")).click();
        new Actions(driver).sendKeys("https://zwfw.gov.cn/p?no=1").perform();

        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !scans().isEmpty());
        assertEquals(List.of("https://zwfw.gov.cn/p?no=1"), scans());
    }

    @Test
    void a_short_fast_burst_is_not_a_scan() {
        WebElement field = driver.findElement(By.id("name"));
        field.sendKeys("abc" + Keys.ENTER);
        assertTrue(scans().isEmpty());
        assertEquals("abc", field.getDomProperty("value"));
    }
}
