package org.onetrip.kiosk.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.printer.escpos.EscPosRenderer;
import org.onetrip.intake.StatusSchedule;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.apply.ApplyService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The home screen's other errands in a real Chromium against the real server: rating a submission after a card
 * tap, a complaint by category with 12345 on screen, the status opened by the receipt's QR code instead of the
 * card, and a queue number printed on the receipt printer; each
 * record checked in the SQLite file.
 */
class ErrandsBrowserTest extends DemoKioskBrowserTest {
    private static final String PENSION = "113401210034512345205002001";

    @Override
    protected KioskApplication.DemoSettings settings(Path data) {
        return new KioskApplication.DemoSettings("127.0.0.1", 0, data,
                StatusSchedule.demo(), Duration.ofHours(1));
    }

    @Test
    void a_resident_rates_a_submission_files_a_complaint_and_takes_a_queue_number() throws Exception {
        IdentityCard wang = DemoCards.all().get(0);
        ApplyService apply = app.services().get(ApplyService.class);
        var item = apply.item(PENSION).orElseThrow();
        Map<String, String> values = apply.prefill(item, wang);
        values.put("phone", "13905510001");
        String submission = apply.submit(wang, item, values, item.deliveries().getFirst().name()).sealed().id().toString();

        browser.get(app.uri().toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-ticket")));
        Browser.saveScreenshot(browser, "home-tiles");
        click(By.id("tile-scan"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".scan-window")));
        Browser.saveScreenshot(browser, "scan");
        click(By.id("go-home"));

        // 评价: card, then the five answers for the one submission
        click(By.id("tile-evaluate"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-panel")));
        click(By.cssSelector("#demo-panel .demo-card"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rate-5")));
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("城乡居民基本养老保险待遇领取"));
        Browser.saveScreenshot(browser, "evaluation");
        click(By.id("rate-5"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("evaluation-thanks"), "已保存"));
        Browser.saveScreenshot(browser, "evaluation-thanks");
        assertEquals("5", singleValue("SELECT rating FROM evaluation WHERE submission_id = '" + submission + "'"));
        assertEquals("PENDING", singleValue("SELECT state FROM feedback_outbox WHERE kind = 'EVALUATION'"));
        click(By.id("done"));

        // 咨询投诉: no card, two choices, 12345 on screen
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-complaint")));
        assertFalse(browser.findElement(By.tagName("body")).getText().contains("王"), "the rater is gone");
        click(By.id("tile-complaint"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kind-complaint")));
        Browser.saveScreenshot(browser, "complaint");
        click(By.id("kind-complaint"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("topic-attitude")));
        Browser.saveScreenshot(browser, "complaint-topics");
        click(By.id("topic-attitude"));
        WebElement sent = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("complaint-sent")));
        assertTrue(sent.getText().contains("12345"), sent.getText());
        assertTrue(browser.findElement(By.id("hotline")).getText().contains("12345"));
        Browser.saveScreenshot(browser, "complaint-sent");
        assertEquals("服务态度", singleValue("SELECT category FROM complaint"));
        assertEquals("PENDING", singleValue("SELECT state FROM feedback_outbox WHERE kind = 'COMPLAINT'"));
        click(By.id("done"));

        // 查进度 with the receipt instead of the card
        click(By.id("tile-status"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("identify-or-scan")));
        Browser.saveScreenshot(browser, "identify-for-status");
        click(By.id("demo-scan-receipt"));
        WebElement genuine = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan-genuine")));
        assertTrue(genuine.getText().contains("真实有效"), genuine.getText());
        click(By.id("go-home"));

        // 取号: a printed number, counted in the store
        click(By.id("tile-ticket"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("take-ticket")));
        Browser.saveScreenshot(browser, "ticket");
        click(By.id("take-ticket"));
        WebElement number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-number")));
        assertEquals("001", number.getText());
        Browser.saveScreenshot(browser, "ticket-taken");
        assertEquals("1", singleValue("SELECT last_number FROM queue_ticket_day"));
        var paper = new EscPosRenderer(app.printer().profile()).render(app.printer().lastJob().orElseThrow());
        Files.write(Path.of("target", "screens", "ticket-paper.png"), EscPosRenderer.toPng(paper.image()));
        String text = String.join("\n", paper.textLines());
        assertTrue(text.contains("排队取号") && text.contains("001"), text);
    }

    private String singleValue(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), "a row for: " + sql);
            String value = rs.getString(1);
            assertFalse(rs.next(), "only one row for: " + sql);
            return value;
        }
    }
}
