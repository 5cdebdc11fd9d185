package org.onetrip.kiosk.guide;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.web.KaribuKiosk;
import org.onetrip.kiosk.apply.ApplyService;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.web.KioskServices;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** Items search and themes, the guide and the coverage page, without a browser, on a started demo kiosk. */
class CatalogViewsTest {
    private static final String PENSION = "113401210034512345205002001";

    @TempDir
    Path dir;
    private KioskApplication app;
    private IdentityCard card;

    @BeforeEach
    void setUp() throws Exception {
        app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir), Clock.system(KioskApplication.CHINA));
        app.start();
        KioskServices services = app.services();
        KaribuKiosk.setUp(services);
        card = DemoCards.all().getFirst();
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        app.stop();
    }

    private static List<String> shownTasks() {
        return _find(Button.class, spec -> spec.withClasses("item")).stream()
                .map(b -> b.getElement().getAttribute("data-task")).toList();
    }

    private static List<String> shownNames() {
        return _find(Button.class, spec -> spec.withClasses("item")).stream()
                .map(b -> b.getElement().getChildren().findFirst().orElseThrow().getText()).toList();
    }

    @Test
    void the_item_list_searches_by_pinyin_initials_and_everyday_words_and_browses_by_theme() {
        ResidentSession.current().identified(card);
        UI.getCurrent().navigate("items");
        assertTrue(shownTasks().contains(PENSION));
        assertEquals(48, shownTasks().size(), "all 48 items offered at 锦湖社区");

        _get(TextField.class, spec -> spec.withId("item-search")).setValue("ylbx");
        assertTrue(shownNames().contains("城乡居民基本医疗保险参保登记"), shownNames().toString());
        _get(TextField.class, spec -> spec.withId("item-search")).setValue("低保");
        assertTrue(shownNames().contains("最低生活保障申请"), shownNames().toString());
        _get(TextField.class, spec -> spec.withId("item-search")).setValue("");

        Button marriage = _find(Button.class, spec -> spec.withClasses("theme-chip")).stream()
                .filter(b -> "婚姻".equals(b.getElement().getAttribute("data-theme"))).findFirst().orElseThrow();
        _click(marriage);
        assertEquals(List.of("婚姻登记预约"), shownNames());
        assertTrue(marriage.hasClassName("selected"));
    }

    @Test
    void the_guide_says_what_this_resident_must_bring_and_prints() {
        ResidentSession.current().identified(card);
        UI.getCurrent().navigate("guide/" + PENSION);
        assertTrue(materialText().contains("以前办事交过的不用再带，没交过请带上"), materialText().toString());

        app.services().get(ApplyService.class).submit(card,
                app.services().get(ApplyService.class).item(PENSION).orElseThrow(),
                Map.of("name", card.name(), "idNumber", card.idNumber(), "address", card.address(),
                        "phone", "13800000000"), "WINDOW");
        UI.getCurrent().navigate("guide/" + UUID.randomUUID());
        UI.getCurrent().navigate("guide/" + PENSION);

        assertTrue(materialText().contains("不用带：您以前办事时已交过，已存档"), materialText().toString());
        int printedBefore = app.printer().jobs().size();
        _click(_get(Button.class, spec -> spec.withId("guide-print")));
        assertEquals("指南已打印，请在出纸口取走", _get(Paragraph.class, spec -> spec.withId("guide-print-result")).getText());
        assertEquals(printedBefore + 1, app.printer().jobs().size());
        assertTrue(_find(Button.class, spec -> spec.withId("guide-apply")).size() == 1);
    }

    @Test
    void the_guide_can_be_read_without_a_card_and_then_offers_no_application() {
        UI.getCurrent().navigate("guide/" + PENSION);

        assertTrue(materialText().contains("不用带：部门共享获取"));
        assertTrue(_find(Button.class, spec -> spec.withId("guide-apply")).isEmpty());
    }

    private static List<String> materialText() {
        return _find(Div.class, spec -> spec.withClasses("material")).stream()
                .flatMap(d -> d.getChildren()).map(c -> c.getElement().getText()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_coverage_page_shows_the_terminals_chain_and_any_other_division() {
        UI.getCurrent().navigate("coverage");
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("coverage-grid"));
        assertEquals(6, grid.getGenericDataView().getItems().count(), "five levels and the total");
        assertTrue(_get(Paragraph.class, spec -> spec.withId("coverage-summary")).getText().contains("48"));

        TextField region = _get(TextField.class, spec -> spec.withId("coverage-region"));
        region.setValue("340121101000");
        _click(_get(Button.class, spec -> spec.withId("coverage-show")));
        assertEquals(5, grid.getGenericDataView().getItems().count());
        assertTrue(_get(Paragraph.class, spec -> spec.withId("coverage-summary")).getText().contains("庄墓镇"));

        region.setValue("340121999999");
        _click(_get(Button.class, spec -> spec.withId("coverage-show")));
        assertTrue(region.isInvalid());
        assertFalse(region.getErrorMessage().isEmpty());
    }
}
