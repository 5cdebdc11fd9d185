package org.onetrip.kiosk.session;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdCardEvent;
import org.onetrip.hardware.idcard.IdCardListener;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.web.KaribuKiosk;
import org.onetrip.kiosk.apply.FormView;
import org.onetrip.kiosk.apply.ItemsView;
import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.ui.ElderMode;
import org.onetrip.kiosk.ui.StatusLine;
import org.onetrip.kiosk.web.KioskServices;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;

/**
 * The privacy timeout and elder mode without a browser, on a clock the test moves: the countdown, 继续, the wipe,
 * pauses while the kiosk works, the card taken off after the errand, and the home screen's status line.
 */
class PrivacyTimeoutTest {
    private static final String PENSION = "113401210034512345205002001";
    private static final IdentityCard WANG = DemoCards.all().get(0);

    @TempDir
    Path dir;
    private final HandClock clock = new HandClock();
    private KioskApplication app;

    @BeforeEach
    void setUp() throws Exception {
        app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir), clock);
        app.reader().start();
        app.printer().start();
        KioskServices services = app.services();
        KaribuKiosk.setUp(services);
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        app.reader().stop();
        app.printer().stop();
    }

    private IdleGuard guard() {
        return ComponentUtil.getData(UI.getCurrent(), IdleGuard.class);
    }

    private void identify() {
        ResidentSession.current().identified(WANG);
        UI.getCurrent().navigate(ItemsView.class);
        assertInstanceOf(ItemsView.class, UI.getCurrent().getCurrentView());
    }

    /** Takes the card off and waits (bounded) until the reader's thread has handed the event to the screen. */
    private void removeCardAndDeliver() throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(1);
        IdCardListener after = event -> {
            if (event instanceof IdCardEvent.CardRemoved) {
                delivered.countDown();
            }
        };
        app.reader().addListener(after);
        app.reader().removeCard();
        assertTrue(delivered.await(5, TimeUnit.SECONDS), "the reader reported the removal");
        app.reader().removeListener(after);
        MockVaadin.clientRoundtrip(false);
    }

    private StatusLine statusLine() {
        return guard().getParent().orElseThrow().getChildren().filter(StatusLine.class::isInstance)
                .map(StatusLine.class::cast).findFirst().orElseThrow();
    }

    private boolean wiped() {
        return VaadinSession.getCurrent().getAttribute(ResidentSession.class) == null;
    }

    @Test
    void the_countdown_appears_near_the_end_and_continue_gives_the_full_time_back() {
        identify();
        clock.advance(Duration.ofSeconds(45));
        guard().tick();
        assertTrue(guard().isVisible(), "the countdown is on screen");
        assertTrue(_get(Paragraph.class, spec -> spec.withId("idle-countdown")).getText().contains("15 秒"));
        _click(_get(Button.class, spec -> spec.withId("idle-continue")));
        assertFalse(guard().isVisible());
        clock.advance(Duration.ofSeconds(39));
        guard().tick();
        assertFalse(guard().isVisible(), "继续 started the whole minute again");
        assertFalse(wiped());
    }

    @Test
    void a_resident_who_walks_away_is_wiped_from_the_session() {
        identify();
        clock.advance(Duration.ofSeconds(61));
        guard().tick();
        assertTrue(wiped(), "nothing of the resident is left in the session");
        assertTrue(ResidentSession.current().card().isEmpty());
    }

    @Test
    void a_touch_reported_by_the_page_keeps_the_resident_in() {
        identify();
        clock.advance(Duration.ofSeconds(50));
        guard().active();
        clock.advance(Duration.ofSeconds(50));
        guard().tick();
        assertFalse(wiped());
        assertInstanceOf(ItemsView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void the_timer_stands_still_while_the_kiosk_prints() {
        identify();
        try (var busy = IdleGuard.busy(UI.getCurrent())) {
            clock.advance(Duration.ofMinutes(3));
            guard().tick();
            assertFalse(wiped(), "a slow print never sends the resident home");
            assertFalse(guard().isVisible());
        }
        assertEquals(Duration.ofSeconds(60), guard().timer().remaining());
    }

    @Test
    void an_untouched_home_screen_is_left_alone() {
        UI.getCurrent().navigate(HomeView.class);
        clock.advance(Duration.ofSeconds(61));
        guard().tick();
        assertFalse(ResidentSession.hasTraces());
        assertEquals(Duration.ofSeconds(60), guard().timer().remaining(), "the wait starts again, no reload");
    }

    @Test
    void a_scanned_receipt_left_behind_on_home_is_wiped_too() {
        UI.getCurrent().navigate(HomeView.class);
        ResidentSession.current().touch();
        clock.advance(Duration.ofSeconds(61));
        guard().tick();
        assertTrue(wiped());
    }

    @Test
    void a_finished_resident_taking_the_card_off_ends_the_session_at_once() throws Exception {
        identify();
        app.reader().insertCard(WANG);
        ResidentSession.current().receiptPrinted(UUID.randomUUID(), new byte[] {1}, null);
        removeCardAndDeliver();
        assertTrue(wiped());
    }

    @Test
    void taking_the_card_off_midway_does_not_end_the_session() throws Exception {
        identify();
        app.reader().insertCard(WANG);
        removeCardAndDeliver();
        assertFalse(wiped(), "a resident may lift the card while choosing an item");
    }

    @Test
    void elder_mode_is_kept_in_the_session_and_asks_one_question_per_screen() {
        identify();
        _click(_get(Button.class, spec -> spec.withId("switch-elder")));
        assertTrue(ElderMode.isOn());
        assertTrue(UI.getCurrent().getElement().getClassList().contains("elder"));
        UI.getCurrent().navigate(FormView.class, PENSION);
        assertEquals("标准模式", _get(Button.class, spec -> spec.withId("switch-elder")).getText());
        assertTrue(_get(Span.class, spec -> spec.withId("step-count")).getText().startsWith("1 / "));
        long shown = descendants(_get(FormView.class))
                .filter(c -> c.getId().orElse("").startsWith("field-"))
                .filter(c -> !c.getElement().getClassList().contains("step-hidden")).count();
        assertEquals(1, shown, "one field at a time");
        _click(_get(Button.class, spec -> spec.withId("step-next")));
        assertTrue(_get(Span.class, spec -> spec.withId("step-count")).getText().startsWith("2 / "));
    }

    @Test
    void the_home_screen_says_when_the_printer_is_out_of_paper_and_that_applications_are_safe() {
        UI.getCurrent().navigate(HomeView.class);
        StatusLine line = statusLine();
        assertFalse(line.isVisible());
        app.printer().paperOut();
        guard().tick();
        assertTrue(line.isVisible());
        assertTrue(line.getText().contains("缺纸") && line.getText().contains("保存"), line.getText());
        app.reader().fault("test");
        guard().tick();
        assertTrue(line.getText().contains("读卡器"), line.getText());
        identify();
        assertFalse(statusLine().isVisible(), "the line belongs to the home screen only");
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> descendants(
            com.vaadin.flow.component.Component root) {
        return root.getChildren().flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c), descendants(c)));
    }
}
