package org.onetrip.kiosk.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onetrip.hardware.printer.escpos.EscPosRenderer;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.journey.DemoKioskBrowserTest;
import org.onetrip.store.feedback.FeedbackStore;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.SubmissionDraft;
import org.onetrip.store.submission.SubmissionStatus;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.sync.SyncEngine;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real Chromium, a village point's books with a few made-up cases: the agency menu, the ledger (an overdue
 * case and a 补正), statistics, the upload queue (a quarantined record) and a courier export; each page is saved to
 * {@code target/screens/agency-*.png}, and the daily list as printed to {@code agency-daily-list-paper.png}.
 */
class AgencyScreensBrowserTest extends DemoKioskBrowserTest {
    @Override
    protected KioskApplication.DemoSettings settings(Path data) {
        return KioskApplication.DemoSettings.of(0, data);
    }

    @BeforeEach
    void quietQueueAndCases() throws Exception {
        app.services().get(SyncEngine.class).stop();
        seedCases();
    }

    private void seedCases() {
        SubmissionStore store = app.services().get(SubmissionStore.class);
        FeedbackStore feedback = app.services().get(FeedbackStore.class);
        Outbox outbox = new Outbox(store);
        LocalDate today = LocalDate.now(KioskApplication.CHINA);
        UUID a = store.seal(draft("城乡居民基本养老保险参保登记", "王秀兰", "340121194803120024", "13912345678", today.minusDays(3))).id();
        UUID b = store.seal(draft("高龄津贴申领", "李建国", "34012119621001031X", "13800001111", today.plusDays(8))).id();
        UUID c = store.seal(draft("农村低保申请", "赵小红", "340121199001010027", "13700002222", today.plusDays(1))).id();
        UUID d = store.seal(draft("高龄津贴申领", "孙大伟", "340121195505050031", "13600003333", today.plusDays(5))).id();
        UUID e = store.seal(draft("城乡居民基本养老保险参保登记", "周桂英", "340121194912120048", "", today.plusDays(12))).id();
        Instant now = Instant.now();
        outbox.sent(a, "340121-2026-000101", now);
        outbox.sent(b, "340121-2026-000102", now);
        outbox.statusChanged(b, SubmissionStatus.NEEDS_CORRECTION, "户口簿复印件不清晰，请重新拍照上传", null, now);
        outbox.sent(d, "340121-2026-000103", now);
        outbox.statusChanged(d, SubmissionStatus.DONE, null, null, now);
        outbox.quarantine(e, "fields.bank: 银行账号位数不对", now);
        feedback.rate(d, 5, "");
        feedback.rate(a, 4, "");
        assertTrue(c != null);
    }

    private static SubmissionDraft draft(String item, String name, String id, String phone, LocalDate promised) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("idNumber", id);
        fields.put("phone", phone);
        String mask = name.charAt(0) + "*" + name.substring(name.length() - 1) + " " + id.substring(0, 6) + "********"
                + id.substring(14);
        return new SubmissionDraft(UUID.randomUUID(), "11340121MB1234567X40001170" + Math.abs(item.hashCode() % 10000),
                item, 1, "340121100004", name, id, mask, fields, "WINDOW", promised, List.of());
    }

    @Test
    void a_signed_in_supervisor_sees_the_books_and_the_pages_are_saved_as_screenshots() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(app.uri().toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
        StaffUis.signInLatest("S-0042", "张代办", StaffRole.SUPERVISOR, Duration.ofSeconds(10));

        screen(wait, "agency", "agency-ledger", "agency");
        screen(wait, "agency/ledger", "ledger-grid", "agency-ledger");
        String ledger = browser.findElement(By.tagName("body")).getText();
        assertTrue(ledger.contains("已逾期 3 天") && ledger.contains("需补正：户口簿复印件不清晰"), ledger);
        assertTrue(!ledger.contains("340121194803120024"), "ID numbers are masked on the ledger");
        for (int width : new int[] {1280, 1024}) {
            browser.manage().window().setSize(new Dimension(width, 800));
            screen(wait, "agency/ledger", "ledger-grid", "agency-ledger-" + width);
            assertEquals(List.of(0L, 0L), overflow(), "at " + width + " px the ledger's columns fit: no horizontal"
                    + " scrolling in the grid or the page (grid, page overflow in px)");
        }
        browser.manage().window().setSize(new Dimension(1280, 1000));
        screen(wait, "agency/ledger", "ledger-grid", "agency-ledger");
        browser.findElement(By.id("ledger-print-daily")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ledger-message"), "今日清单已打印"));
        var paper = new EscPosRenderer(app.printer().profile()).render(app.printer().lastJob().orElseThrow());
        Files.write(Path.of("target", "screens", "agency-daily-list-paper.png"), EscPosRenderer.toPng(paper.image()));

        screen(wait, "agency/stats", "stats-grid", "agency-stats");
        screen(wait, "agency/queue", "queue-grid", "agency-queue");
        assertTrue(browser.findElement(By.id("queue-grid")).getText().contains("银行账号位数不对"));

        browser.get(app.uri().resolve("agency/courier").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("courier-export")));
        WebElement directory = browser.findElement(By.cssSelector("#courier-directory input"));
        directory.clear();
        directory.sendKeys(dir.resolve("media/usb0").toString() + "\n");
        browser.findElement(By.id("courier-export")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("courier-result"), "已导出"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("courier-import-0")));
        save("agency-courier");
    }

    private void screen(WebDriverWait wait, String route, String waitFor, String name) throws Exception {
        browser.get(app.uri().resolve(route).toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(waitFor)));
        Thread.sleep(500); // let the grid lay out its rows before the picture (no clock to inject into Chromium)
        save(name);
    }

    /** How far the ledger grid's table and the page overflow sideways, in px (0 when they fit). */
    private List<Long> overflow() {
        Object result = browser.executeScript("""
                const table = document.getElementById('ledger-grid').shadowRoot.querySelector('#table');
                const page = document.documentElement;
                return [Math.max(0, table.scrollWidth - table.clientWidth),
                        Math.max(0, page.scrollWidth - page.clientWidth)];
                """);
        return ((List<?>) result).stream().map(n -> ((Number) n).longValue()).toList();
    }

    private void save(String name) throws Exception {
        Path target = Path.of("target", "screens", name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }
}
