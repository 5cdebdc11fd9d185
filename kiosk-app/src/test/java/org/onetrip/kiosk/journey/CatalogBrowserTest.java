package org.onetrip.kiosk.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onetrip.hardware.printer.escpos.EscPosRenderer;
import org.onetrip.intake.StatusSchedule;
import org.onetrip.kiosk.KioskApplication;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Search by pinyin initials, a theme, the guide and the coverage page, in a real Chromium. */
class CatalogBrowserTest extends DemoKioskBrowserTest {
    private static final String PENSION = "113401210034512345205002001";

    @Override
    protected KioskApplication.DemoSettings settings(Path data) {
        return new KioskApplication.DemoSettings("127.0.0.1", 0, data,
                StatusSchedule.demo(), Duration.ofSeconds(5));
    }

    @Test
    void a_resident_finds_items_by_pinyin_initials_reads_the_guide_and_staff_see_coverage() throws Exception {
        browser.get(app.uri().toString());
        click(By.id("tile-apply"));
        click(By.cssSelector(".demo-card"));
        WebElement search = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#item-search input")));
        search.sendKeys("ylbx");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-count"), "共"));
        wait.until(d -> names().contains("城乡居民基本医疗保险参保登记") && names().size() < 10);
        screenshot("items-search");

        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "低保");
        wait.until(d -> names().contains("最低生活保障申请"));
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(d -> names().size() > 40);
        click(By.cssSelector(".theme-chip[data-theme='婚姻']"));
        wait.until(d -> names().equals(List.of("婚姻登记预约")));

        browser.get(app.uri() + "items");
        click(By.cssSelector(".item-guide[data-guide='" + PENSION + "']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "城乡居民基本养老保险待遇领取"));
        String guide = browser.findElement(By.tagName("body")).getText();
        assertTrue(guide.contains("年满60周岁") && guide.contains("不用带：部门共享获取"), guide);
        screenshot("guide");
        click(By.id("guide-print"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("guide-print-result"), "指南已打印"));

        browser.get(app.uri() + "coverage");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("coverage-summary"), "48"));
        screenshot("coverage");
        assertEquals(1, app.printer().jobs().size(), "the guide was printed");
        var paper = new EscPosRenderer(app.printer().profile()).render(app.printer().lastJob().orElseThrow());
        Files.write(Path.of("target", "screens", "guide-paper.png"), EscPosRenderer.toPng(paper.image()));
        String text = String.join("\n", paper.textLines());
        assertTrue(text.contains("办事指南") && text.contains("城乡居民基本养老保险待遇领取") && text.contains("12345"), text);
    }

    /** The item names on screen, read in one script call (the list is re-rendered as the resident types). */
    @SuppressWarnings("unchecked")
    private List<String> names() {
        return (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('.item .item-name')).map(e => e.textContent)");
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screens", name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }
}
