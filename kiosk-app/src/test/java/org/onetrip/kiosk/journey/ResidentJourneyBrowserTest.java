package org.onetrip.kiosk.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.printer.escpos.EscPosRenderer;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.status.ReceiptLookup;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The walking skeleton's journey in a real Chromium against the real server: card tap on the demo panel,
 * item, prefilled form, review, submit, sealed row in the SQLite file, receipt on screen from the printer's bytes,
 * upload to the simulated platform, 已受理 on the status page, and a clean screen after 退出.
 */
class ResidentJourneyBrowserTest extends DemoKioskBrowserTest {
    private static final String PENSION = "113401210034512345205002001";

    @Override
    protected KioskApplication.DemoSettings settings(Path data) {
        return acceptingAtOnce(data);
    }

    @Test
    void a_resident_applies_by_card_gets_a_receipt_and_sees_the_platform_accept_it() throws Exception {
        browser.get(app.uri().toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
        Browser.saveScreenshot(browser, "home");
        click(By.id("tile-apply"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-panel")));
        Browser.saveScreenshot(browser, "identify");

        WebElement demoCard = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".demo-card")));
        IdentityCard wang = DemoCards.all().get(0);
        assertTrue(demoCard.getText().contains("王秀兰") && demoCard.getText().contains(wang.maskedIdNumber()));
        demoCard.click();

        WebElement resident = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resident")));
        assertTrue(resident.getText().contains("王*兰"), resident.getText());
        assertFalse(resident.getText().contains(wang.idNumber()), "the full ID number is never on screen");
        Browser.saveScreenshot(browser, "items");
        click(By.cssSelector(".item[data-task='" + PENSION + "']"));

        WebElement idField = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#field-idNumber input")));
        assertEquals(wang.maskedIdNumber(), idField.getDomProperty("value"));
        assertEquals(wang.address(), browser.findElement(By.cssSelector("#field-address input")).getDomProperty("value"));
        browser.findElement(By.cssSelector("#field-phone input")).sendKeys("13905510001");
        Browser.saveScreenshot(browser, "form");
        click(By.id("to-review"));

        WebElement review = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review")));
        assertTrue(review.getText().contains("13905510001") && review.getText().contains(wang.maskedIdNumber()),
                review.getText());
        assertFalse(review.getText().contains(wang.idNumber()), "the full ID number is never on screen");
        assertEquals(0, count("SELECT count(*) FROM submission"), "nothing is sealed before the resident confirms");
        Browser.saveScreenshot(browser, "review");
        click(By.id("submit"));

        WebElement receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-image")));
        wait.until(d -> ((Number) browser.executeScript("return arguments[0].naturalWidth", receipt)).intValue() > 0);
        assertTrue(browser.findElement(By.id("receipt-saved")).getText().contains("安全保存"));
        Browser.saveScreenshot(browser, "receipt");

        String submissionId = singleValue("SELECT id FROM submission");
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'submission.sealed' AND subject = '"
                + submissionId + "'"));
        assertEquals(1, count("SELECT count(*) FROM status_history WHERE status = 'SEALED'"));
        assertFalse(singleValue("SELECT applicant_mask FROM submission").contains(wang.idNumber()));
        byte[] printed = app.printer().lastJob().orElseThrow();
        var rendered = new EscPosRenderer(app.printer().profile()).render(printed);
        Files.write(Path.of("target", "screens", "receipt-paper.png"), EscPosRenderer.toPng(rendered.image()));
        assertEquals(1, rendered.qrPayloads().size());
        String token = rendered.qrPayloads().getFirst();
        assertTrue(token.startsWith("ZW1:"), token);
        ReceiptLookup.Found scanned = assertInstanceOf(ReceiptLookup.Found.class,
                app.services().get(ReceiptLookup.class).lookup(token), "the printed QR is a token this terminal verifies");
        assertEquals(submissionId, scanned.token().submissionId().toString());
        assertEquals(wang.maskedName() + " " + wang.maskedIdNumber(), scanned.token().applicantMask());
        String paper = String.join("\n", rendered.textLines());
        assertTrue(paper.contains("城乡居民基本养老保险待遇领取") && paper.contains("12345"), paper);
        assertFalse(paper.contains(wang.idNumber()), "the full ID number is never on paper");

        click(By.id("to-status"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-list"), "已受理"));
        assertTrue(browser.findElement(By.id("status-list")).getText().contains("办件编号"));
        assertEquals("ACCEPTED", singleValue("SELECT status FROM submission"));
        assertEquals(1, app.intake().storedSubmissionCount());
        Browser.saveScreenshot(browser, "status");

        click(By.id("done"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
        browser.navigate().back();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
        String after = browser.findElement(By.tagName("body")).getText();
        assertFalse(after.contains("王") || after.contains("养老保险待遇"), "nothing of the last resident remains: " + after);

        // The resident comes back with the paper receipt: holding its QR code to the scanner opens its status.
        click(By.id("demo-scan-receipt"));
        WebElement genuine = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan-genuine")));
        assertTrue(genuine.getText().contains("真实有效"), genuine.getText());
        String onScreen = browser.findElement(By.tagName("body")).getText();
        assertTrue(onScreen.contains(wang.maskedName()) && onScreen.contains("城乡居民基本养老保险待遇领取"), onScreen);
        assertFalse(onScreen.contains(wang.idNumber()), "the full ID number is never on screen");
        Browser.saveScreenshot(browser, "scanned-receipt");
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

    private int count(String sql) throws SQLException {
        return Integer.parseInt(singleValue(sql));
    }
}
