package org.onetrip.kiosk.home;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.web.KaribuKiosk;
import org.onetrip.kiosk.identify.IdentifyView;
import org.onetrip.kiosk.web.KioskServices;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

/** The home screen without a browser: its tiles, where they lead, and that resident screens need a card. */
class HomeViewTest {
    @TempDir
    Path dir;
    private KioskApplication app;

    @BeforeEach
    void setUp() throws Exception {
        app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir), Clock.system(KioskApplication.CHINA));
        app.reader().start();
        KioskServices services = app.services();
        KaribuKiosk.setUp(services);
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        app.reader().stop();
    }

    @Test
    void home_offers_card_errands_in_chinese_with_large_tiles() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, UI.getCurrent().getLocale(), "Chinese whatever the browser asks for");
        UI.getCurrent().navigate(HomeView.class);
        Button apply = _get(Button.class, spec -> spec.withId("tile-apply"));
        Button status = _get(Button.class, spec -> spec.withId("tile-status"));
        assertEquals("刷身份证办事", title(apply));
        assertEquals("查询办理进度", title(status));
        assertTrue(apply.hasClassName("tile"));
    }

    @Test
    void tapping_the_apply_tile_asks_for_the_card() {
        UI.getCurrent().navigate(HomeView.class);
        _click(_get(Button.class, spec -> spec.withId("tile-apply")));
        assertInstanceOf(IdentifyView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void the_item_list_cannot_be_opened_by_url_without_a_card() {
        UI.getCurrent().navigate("items");
        assertInstanceOf(HomeView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void the_home_screen_speaks_english_when_switched() {
        UI.getCurrent().navigate(IdentifyView.class);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate(HomeView.class);
        assertEquals("Apply with your ID card", title(_get(Button.class, spec -> spec.withId("tile-apply"))));
    }

    private static String title(Button tile) {
        return tile.getElement().getChildren().filter(e -> e.getClassList().contains("tile-title"))
                .findFirst().orElseThrow().getText();
    }
}
