package org.onetrip.kiosk.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.onetrip.kiosk.identify.CardTapService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;

/**
 * The privacy timeout on one screen: a large countdown with a "继续" button near the end of the wait, and the
 * wipe when it runs out ({@link ResidentSession#end}). Touches and keys reach {@link #active()} from a small
 * script; the {@link IdleService} ticks it on the UI thread. Also ends a finished resident's session when they
 * take their card off the reader. On the home screen of an untouched session the timer simply starts again.
 *
 * <p>Work the resident waits for pauses the timer: {@code try (var busy = IdleGuard.busy(ui)) { print(); }}.
 */
public class IdleGuard extends Div {
    private static final Logger log = LoggerFactory.getLogger(IdleGuard.class);
    /** Shortest interval between two activity reports from the browser. */
    static final int REPORT_GAP_MILLIS = 1000;
    static final String SCRIPT = load();

    private final IdleService service;
    private final CardTapService cards;
    private final IdleTimer timer;
    private final Paragraph countdown = new Paragraph();
    private final List<Runnable> tickListeners = new ArrayList<>();
    private boolean atHome;
    private Registration cardRemoval;

    public IdleGuard(IdleService service, CardTapService cards) {
        this.service = service;
        this.cards = cards;
        this.timer = service.newTimer();
        setId("idle-guard");
        addClassName("idle-overlay");
        getElement().setAttribute("role", "alertdialog");
        getElement().setAttribute("aria-modal", "true");
        getElement().setAttribute("aria-labelledby", "idle-title");
        H2 title = new H2(getTranslation("idle.title"));
        title.setId("idle-title");
        countdown.setId("idle-countdown");
        countdown.addClassName("idle-countdown");
        countdown.getElement().setAttribute("aria-live", "assertive");
        Button stay = new Button(getTranslation("idle.continue"), e -> stay());
        stay.setId("idle-continue");
        stay.addClassName("idle-continue");
        Div box = new Div(title, countdown, stay);
        box.addClassName("idle-box");
        add(box);
        setVisible(false);
    }

    /** Pauses the current screen's timer until the returned handle is closed; a no-op on a screen without one. */
    public static Busy busy(UI ui) {
        IdleGuard guard = ui == null ? null : ComponentUtil.getData(ui, IdleGuard.class);
        if (guard == null) {
            return () -> {
            };
        }
        guard.timer.pause();
        guard.hideCountdown();
        return guard.timer::resume;
    }

    /** A pause of the privacy timer; closing it restarts the full wait. */
    @FunctionalInterface
    public interface Busy extends AutoCloseable {
        @Override
        void close();
    }

    /** The layout says whether its screen is the home screen (where an untouched session needs no wipe). */
    public void setAtHome(boolean atHome) {
        this.atHome = atHome;
    }

    /** Runs {@code listener} on the UI thread at every tick (status lines refresh with it). */
    public void addTickListener(Runnable listener) {
        tickListeners.add(listener);
    }

    public IdleTimer timer() {
        return timer;
    }

    @ClientCallable
    void active() {
        timer.activity();
        hideCountdown();
    }

    private void stay() {
        timer.activity();
        hideCountdown();
    }

    /** Looks at the timer: hides, shows or updates the countdown, or wipes the session. On the UI thread. */
    void tick() {
        tickListeners.forEach(Runnable::run);
        if (timer.expired()) {
            if (atHome && !ResidentSession.hasTraces()) {
                timer.activity();
                hideCountdown();
                return;
            }
            log.info("resident session ended: no touch for {} s", timer.timeout().toSeconds());
            getUI().ifPresent(ResidentSession::end);
        } else if (timer.warning()) {
            countdown.setText(getTranslation("idle.countdown", timer.secondsLeft()));
            setVisible(true);
        } else {
            hideCountdown();
        }
    }

    private void hideCountdown() {
        setVisible(false);
    }

    private void cardRemoved() {
        if (ResidentSession.current().finished()) {
            log.info("resident session ended: the card was taken off after the errand");
            getUI().ifPresent(ResidentSession::end);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ComponentUtil.setData(ui, IdleGuard.class, this);
        timer.activity();
        service.register(this);
        cardRemoval = cards.onRemoved(ui, this::cardRemoved);
        getElement().executeJs(SCRIPT, REPORT_GAP_MILLIS);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        service.unregister(this);
        if (cardRemoval != null) {
            cardRemoval.remove();
        }
        if (ComponentUtil.getData(event.getUI(), IdleGuard.class) == this) {
            ComponentUtil.setData(event.getUI(), IdleGuard.class, null);
        }
    }

    private static String load() {
        try (InputStream in = IdleGuard.class.getResourceAsStream("idle-activity.js")) {
            if (in == null) {
                throw new IllegalStateException("idle-activity.js is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
