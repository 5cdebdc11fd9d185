package org.onetrip.kiosk.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A returning resident in a real Chromium: the search keyboard appears only when the field is tapped; the form
 * asks once whether to prefill from their last submission here; express delivery to an address changed with
 * pick-lists and the number keypad; the receipt prints it; and after the privacy timeout nothing of it is
 * reachable, and the same card is asked again.
 */
class PrefillDeliveryBrowserTest extends DemoKioskBrowserTest {
    private static final String PENSION = "113401210034512345205002001";
    private static final IdentityCard WANG = DemoCards.all().get(0);

    @Override
    protected KioskApplication.DemoSettings settings(Path data) {
        return new KioskApplication.DemoSettings("127.0.0.1", 0, data,
                StatusSchedule.demo(), Duration.ofSeconds(5)).withResidentIdleTimeout(Duration.ofSeconds(45));
    }

    /** 王 applied on this terminal on an earlier visit, with her phone. */
    private void appliedBefore() {
        ApplyService apply = app.services().get(ApplyService.class);
        var item = apply.item(PENSION).orElseThrow();
        Map<String, String> values = apply.prefill(item, WANG);
        values.put("phone", "13905510001");
        apply.submit(WANG, item, values, "WINDOW");
    }

    @Test
    void a_returning_resident_prefills_with_consent_sends_the_result_by_express_and_leaves_nothing_behind()
            throws Exception {
        appliedBefore();
        browser.get(app.uri().toString());
        click(By.id("tile-apply"));
        click(By.cssSelector(".demo-card"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resident")));
        assertFalse(shown(By.id("pinyin-keyboard")), "no keys until the field is tapped");
        click(By.cssSelector("#item-search input"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pinyin-keyboard")));
        Browser.saveScreenshot(browser, "items-keyboard");
        click(By.id("key-close"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("pinyin-keyboard")));

        click(By.cssSelector(".item[data-task='" + PENSION + "']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prefill-question"),
                "用您上次在本机填写的内容预填？"));
        assertTrue(browser.findElements(By.cssSelector("#field-phone")).isEmpty(), "nothing shown before yes");
        Browser.saveScreenshot(browser, "prefill-question");
        String formUrl = browser.getCurrentUrl();
        click(By.id("prefill-yes"));
        var phone = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#field-phone input")));
        assertEquals("13905510001", phone.getDomProperty("value"));

        click(By.xpath("//vaadin-radio-button[contains(., '快递')]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("delivery-address"),
                "安徽省合肥市长丰县水湖镇锦湖社区锦湖路18号"));
        assertFalse(shown(By.id("house-keypad")));
        click(By.cssSelector("#delivery-house input"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("house-keypad")));
        click(By.id("house-keypad-backspace"));
        click(By.id("house-keypad-backspace"));
        click(By.id("house-keypad-2"));
        click(By.id("house-keypad-7"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("delivery-address"), "锦湖路27号"));
        Browser.saveScreenshot(browser, "delivery-express");
        click(By.id("delivery-village"));
        click(By.xpath("//vaadin-select-item[normalize-space(.)='水湖社区']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("delivery-address"),
                "安徽省合肥市长丰县水湖镇水湖社区27号"));

        click(By.id("to-review"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("review"), "水湖镇水湖社区27号"));
        click(By.id("submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-image")));
        var paper = new EscPosRenderer(app.printer().profile()).render(app.printer().lastJob().orElseThrow());
        String text = String.join("", paper.textLines()).replace(" ", "");
        assertTrue(text.contains("快递送达") && text.contains("水湖社区27号") && text.contains("139****0001"), text);

        // The resident walks away: after the timeout nothing of the prefill or the address is reachable.
        new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(200))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
        assertNothingLeft("after the timeout");
        browser.navigate().back();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".kiosk-content > *")));
        assertNothingLeft("back");
        browser.get(formUrl);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
        assertNothingLeft(formUrl);

        click(By.id("tile-apply"));
        click(By.cssSelector(".demo-card"));
        click(By.cssSelector(".item[data-task='" + PENSION + "']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prefill-yes")));
        assertTrue(browser.findElements(By.cssSelector("#field-phone")).isEmpty(),
                "the last visit's yes went with it: the same card is asked again");
    }

    private void assertNothingLeft(String when) {
        String shown = browser.findElement(By.tagName("body")).getText();
        assertFalse(shown.contains("王") || shown.contains("13905510001") || shown.contains("27号")
                || shown.contains("锦湖路"), when + ": nothing of the last resident remains: " + shown);
    }

    /** On screen: Vaadin does not even send a hidden component's element until it is first shown. */
    private boolean shown(By by) {
        return browser.findElements(by).stream().anyMatch(e -> e.isDisplayed());
    }
}
