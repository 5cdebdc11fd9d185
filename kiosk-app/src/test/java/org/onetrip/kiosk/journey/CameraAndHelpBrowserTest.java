package org.onetrip.kiosk.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.printer.escpos.EscPosRenderer;
import org.onetrip.hardware.panel.SimulatedPanel;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.apply.ApplyService;
import org.onetrip.kiosk.camera.FakeCameraFile;
import org.onetrip.kiosk.scan.Pictures;
import org.onetrip.store.catalog.ServiceItem;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real Chromium with a fake camera (a Y4M file): a receipt's QR code held to the camera on the 扫码 screen
 * opens its status; on the materials step a paper document is photographed and stored as an attachment; the
 * panel's help button opens the help dialog. Each screen in standard and elder mode and in English passes axe and
 * is saved to {@code target/screens}; in elder mode the voice prompts reach the page without holding it up.
 */
class CameraAndHelpBrowserTest {
    private static final String LEGAL_AID = "113401217953961867220013001";
    private static final String PENSION = "113401210034512345205002001";
    private static final IdentityCard WANG = DemoCards.all().get(0);

    @TempDir
    static Path dir;
    private static KioskApplication app;
    private static Axe axe;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        axe = Axe.load();
        app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir.resolve("data")),
                Clock.system(KioskApplication.CHINA));
        app.start();
        app.intake().stop(); // offline village: submissions and photos wait on the terminal
    }

    @AfterAll
    static void stopApp() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(Path video, String name) {
        browser = Browser.start(dir.resolve("chromium-" + name), "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream", "--use-file-for-fake-video-capture=" + video.toAbsolutePath());
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @Test
    void a_receipt_held_to_the_camera_opens_its_status() throws Exception {
        ApplyService apply = app.services().get(ApplyService.class);
        ServiceItem item = apply.item(PENSION).orElseThrow();
        Map<String, String> values = new LinkedHashMap<>(apply.prefill(item, WANG));
        values.put("phone", "13905510001");
        var submitted = apply.submit(WANG, item, values, "VILLAGE_POINT");
        String qr = new EscPosRenderer(app.printer().profile()).render(app.printer().lastJob().orElseThrow())
                .qrPayloads().getFirst();
        open(FakeCameraFile.write(Pictures.photo(qr, 640, 480, 4, 11), 3, dir.resolve("receipt.y4m")), "scan");

        browser.get(app.uri() + "scan");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan-genuine")));
        String page = browser.findElement(By.tagName("body")).getText();
        assertTrue(page.contains("回执真实有效") && page.contains(submitted.sealed().id().toString()), page);
    }

    @Test
    void a_document_is_photographed_on_the_materials_step_in_both_modes_and_languages() throws Exception {
        open(FakeCameraFile.write(document(), 3, dir.resolve("document.y4m")), "materials");
        List<String> problems = new ArrayList<>();
        long before = attachments();

        identify();
        browser.get(app.uri() + "scan");
        wait.until(d -> d.findElement(By.cssSelector("#scan-camera video")).isDisplayed()
                && (Boolean) browser.executeScript("return document.querySelector('#scan-camera video').readyState >= 2"));
        check(problems, "scan-camera");

        browser.get(app.uri() + "materials/" + LEGAL_AID);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("material-photo-2")));
        check(problems, "materials");
        click(By.id("material-declare-1"));
        click(By.id("material-photo-2"));
        wait.until(d -> (Boolean) browser.executeScript(
                "const v = document.querySelector('#material-camera video'); return !!v && v.readyState >= 2"));
        check(problems, "materials-camera");
        click(By.id("camera-take"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("material-state-2"), "已拍照上传"));
        assertEquals(before + 1, attachments(), "the photo is stored on the terminal, named by its hash");
        assertTrue(browser.findElement(By.id("material-state-1")).getText().contains("已承诺"));
        check(problems, "materials-done");

        SimulatedPanel panel = app.devices().simulatedPanel().orElseThrow();
        panel.pressHelp();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("help-dialog")));
        assertTrue(browser.findElement(By.id("help-dialog")).getText().contains("12345"));
        check(problems, "help");
        click(By.id("help-close"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("help-dialog")));
        click(By.id("materials-next"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#field-phone input")));

        click(By.id("switch-elder")); // elder mode: prompts are spoken (default voice.prompts=elder)
        wait.until(d -> (Boolean) browser.executeScript("return document.body.classList.contains('elder')"));
        browser.get(app.uri() + "materials/" + LEGAL_AID);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-count"))); // one material at a time
        click(By.id("step-next"));
        click(By.id("step-next"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("material-photo-2")));
        check(problems, "materials-elder");
        wait.until(d -> ((Number) browser.executeScript("return window.__onetripVoiceCount || 0")).intValue() > 0);
        panel.pressHelp();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("help-dialog")));
        check(problems, "help-elder");
        click(By.id("help-close"));

        click(By.id("switch-language"));
        // read in the page: the switch replaces the view, and a heading found just before that makes chromedriver
        // fail "Node with given id does not belong to the document" (not a stale element, so a wait does not retry)
        wait.until(d -> (Boolean) browser.executeScript(
                "const h = document.querySelector('h1'); return !!h && h.textContent.includes('Documents')"));
        check(problems, "materials-en");
        assertEquals(List.of(), problems, "serious or critical accessibility problems");
    }

    private void identify() {
        browser.get(app.uri().toString());
        click(By.id("tile-apply"));
        click(By.cssSelector(".demo-card"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resident")));
    }

    private void check(List<String> problems, String screen) throws Exception {
        Path target = Path.of("target", "screens", screen + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
        axe.seriousViolations(browser).forEach(v -> problems.add(screen + ": " + v));
    }

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static long attachments() throws Exception {
        Path store = dir.resolve("data").resolve("attachments");
        if (!Files.isDirectory(store)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).count();
        }
    }

    /** A page of a paper document on a desk: a title bar and lines of text, as the camera would see it. */
    private static BufferedImage document() {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(150, 140, 120));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(240, 238, 230));
        g.fillRect(140, 30, 360, 420);
        g.setColor(new Color(50, 50, 60));
        g.fillRect(200, 60, 240, 22);
        for (int y = 110; y < 420; y += 24) {
            g.fillRect(170, y, 300 - (y % 72), 8);
        }
        g.dispose();
        return img;
    }
}
