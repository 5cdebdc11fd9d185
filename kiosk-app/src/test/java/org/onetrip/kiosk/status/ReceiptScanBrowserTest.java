package org.onetrip.kiosk.status;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.printer.escpos.EscPosRenderer;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.apply.ApplyService;
import org.onetrip.kiosk.journey.DemoKioskBrowserTest;
import org.onetrip.store.catalog.ServiceItem;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.vaadin.flow.component.UI;

/**
 * In a real Chromium: the QR code this terminal printed, scanned back at the terminal, opens that submission's
 * status — masked applicant, the item, 已提交，待同步 — and offers 补打.
 */
class ReceiptScanBrowserTest extends DemoKioskBrowserTest {
    private static final IdentityCard WANG = DemoCards.all().get(0);

    @Override
    protected KioskApplication.DemoSettings settings(Path data) {
        return KioskApplication.DemoSettings.of(0, data);
    }

    @BeforeEach
    void offline() throws Exception {
        app.intake().stop(); // offline village: the submission stays unsent
    }

    @Test
    void a_scanned_receipt_opens_its_submissions_status_in_the_browser() throws Exception {
        ApplyService apply = app.services().get(ApplyService.class);
        ServiceItem item = apply.item("113401210034512345205002001").orElseThrow();
        Map<String, String> values = new LinkedHashMap<>(apply.prefill(item, WANG));
        values.put("phone", "13905510001");
        var submitted = apply.submit(WANG, item, values, "VILLAGE_POINT");
        List<String> printed = new EscPosRenderer(app.printer().profile())
                .render(app.printer().lastJob().orElseThrow()).qrPayloads();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(app.uri().toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));

        UI ui = LiveUis.latest(Duration.ofSeconds(10));
        ReceiptLookup lookup = app.services().get(ReceiptLookup.class);
        ui.access(() -> lookup.open(printed.getFirst()));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan-genuine")));
        String page = browser.findElement(By.tagName("body")).getText();
        assertTrue(page.contains("回执真实有效") && page.contains("城乡居民基本养老保险待遇领取"), page);
        assertTrue(page.contains("已提交，待同步") && page.contains(submitted.sealed().id().toString()), page);
        assertTrue(page.contains("王*兰") && page.contains(WANG.maskedIdNumber()), page);
        assertFalse(page.contains(WANG.idNumber()) || page.contains("王秀兰"), "masked only");
        assertTrue(browser.findElement(By.id("reprint-" + submitted.sealed().id())).isDisplayed());
        Path shot = Path.of("target", "screens", "scanned-receipt.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    }
}
