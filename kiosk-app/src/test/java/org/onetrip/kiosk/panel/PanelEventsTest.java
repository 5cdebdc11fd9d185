package org.onetrip.kiosk.panel;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.panel.PanelListener;
import org.onetrip.hardware.panel.SimulatedPanel;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.web.KaribuKiosk;
import org.onetrip.kiosk.apply.ItemsView;
import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.session.HandClock;
import org.onetrip.kiosk.session.IdleGuard;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.ui.KioskLayout;
import org.onetrip.kiosk.web.KioskServices;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

/**
 * The panel's inputs on screen, without a browser: the help button opens the help dialog over any screen; a person
 * stepping up counts as a touch (the session stays) and wakes the dimmed home screen.
 */
class PanelEventsTest {
    @TempDir
    Path dir;
    private final HandClock clock = new HandClock();
    private KioskApplication app;
    private SimulatedPanel panel;

    @BeforeEach
    void setUp() throws Exception {
        app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir), clock);
        panel = app.devices().simulatedPanel().orElseThrow();
        panel.start();
        KioskServices services = app.services();
        KaribuKiosk.setUp(services);
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        panel.stop();
    }

    @Test
    void the_help_button_opens_the_help_dialog_over_the_screen_and_it_closes_again() throws Exception {
        ResidentSession.current().identified(DemoCards.all().get(0));
        UI.getCurrent().navigate(ItemsView.class);
        HelpDialog help = UI.getCurrent().getChildren().flatMap(c -> c.getChildren()).filter(HelpDialog.class::isInstance)
                .map(HelpDialog.class::cast).findFirst().orElseThrow();
        assertFalse(help.isOpen());

        deliver(panel::pressHelp);
        assertTrue(help.isOpen());
        String text = help.getChildren().findFirst().orElseThrow().getElement().getTextRecursively();
        assertTrue(text.contains("12345") && text.contains("工作人员"), text);
        assertTrue(UI.getCurrent().getCurrentView() instanceof ItemsView, "the resident's screen stays underneath");

        _click(_get(Button.class, spec -> spec.withId("help-close")));
        assertFalse(help.isOpen());
    }

    @Test
    void a_person_stepping_up_counts_as_a_touch() throws Exception {
        ResidentSession.current().identified(DemoCards.all().get(0));
        UI.getCurrent().navigate(ItemsView.class);
        IdleGuard guard = ComponentUtil.getData(UI.getCurrent(), IdleGuard.class);
        clock.advance(Duration.ofSeconds(50));
        assertEquals(10, guard.timer().secondsLeft());
        deliver(panel::personArrives);
        assertEquals(60, guard.timer().secondsLeft(), "the wait starts again");
    }

    @Test
    void the_untouched_home_screen_dims_when_nobody_is_there_and_wakes_when_someone_comes() throws Exception {
        UI.getCurrent().navigate(HomeView.class);
        KioskLayout layout = _get(KioskLayout.class);
        deliver(panel::personLeaves);
        assertTrue(layout.hasClassName("asleep"));
        deliver(panel::personArrives);
        assertFalse(layout.hasClassName("asleep"));
    }

    /** Fires a panel event and waits (bounded) until the panel's thread handed it to the screen. */
    private void deliver(Runnable knob) throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(1);
        PanelListener after = event -> delivered.countDown();
        panel.addListener(after);
        knob.run();
        assertTrue(delivered.await(5, TimeUnit.SECONDS), "the panel reported the event");
        panel.removeListener(after);
        MockVaadin.clientRoundtrip(false);
    }
}
