package org.onetrip.kiosk.journey;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver, headless, with the flags this closed network needs. Nothing is
 * downloaded: both binaries are given by path, so Selenium Manager has nothing to do.
 */
public final class Browser {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    public static ChromeDriver start(Path profileDir) {
        return start(profileDir, new String[0]);
    }

    /** As {@link #start(Path)}, with more Chromium flags (a fake camera, say). */
    public static ChromeDriver start(Path profileDir, String... extraArguments) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (./onetrip test installs them when run as root)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN",
                "--user-data-dir=" + profileDir.toAbsolutePath());
        options.addArguments(extraArguments);
        // the console (CSP refusals, script errors) for tests that read it: browser.manage().logs().get("browser")
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Saves what the browser shows as {@code target/screens/NAME.png} (docs/screens/update.sh copies them). */
    public static void saveScreenshot(ChromeDriver browser, String name) throws IOException {
        Path target = Path.of("target", "screens", name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }

    /** Hands {@code file} to the Vaadin upload with element id {@code uploadId}, as choosing it in the dialog would. */
    public static void uploadTo(ChromeDriver browser, String uploadId, Path file) {
        WebElement upload = browser.findElement(By.id(uploadId));
        WebElement input = (WebElement) browser.executeScript("return arguments[0].querySelector('input[type=file]')"
                + " || (arguments[0].shadowRoot && arguments[0].shadowRoot.querySelector('input[type=file]'))", upload);
        input.sendKeys(file.toAbsolutePath().toString());
    }
}
