package org.onetrip.kiosk.agency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.onetrip.kiosk.agency.staff.StaffService;
import org.onetrip.kiosk.session.IdleGuard;
import org.onetrip.kiosk.session.IdleTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;

/**
 * The staff screens' idle sign-out: the resident privacy timeout's ideas ({@link IdleTimer}, the same touch
 * reporting script) on the longer staff timeout. The page polls the server every {@link #POLL_MILLIS}; at each
 * poll the guard shows a countdown near the end, or signs the staff member out ({@code reason=idle}). Polls are
 * not activity; only touches and keys are.
 */
public class StaffIdleGuard extends Span {
    private static final Logger log = LoggerFactory.getLogger(StaffIdleGuard.class);
    static final int POLL_MILLIS = 5000;
    private static final String SCRIPT = load();

    private final StaffService staff;
    private final IdleTimer timer;
    private Registration poll;

    public StaffIdleGuard(StaffService staff) {
        this.staff = staff;
        this.timer = new IdleTimer(staff.clock(), staff.idleTimeout());
        setId("staff-idle");
        addClassName("staff-idle");
        getElement().setAttribute("aria-live", "assertive");
    }

    @ClientCallable
    void active() {
        timer.activity();
        setText("");
    }

    /** Looks at the timer (at every poll): countdown near the end, sign-out at the end. */
    void check() {
        if (timer.expired()) {
            log.info("staff session ended: no touch for {} s", timer.timeout().toSeconds());
            getUI().ifPresent(ui -> staff.signOut(ui, "idle"));
        } else if (timer.warning()) {
            setText(getTranslation("agency.idle.countdown", timer.secondsLeft()));
        } else {
            setText("");
        }
    }

    IdleTimer timer() {
        return timer;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        timer.activity();
        ui.setPollInterval(POLL_MILLIS);
        poll = ui.addPollListener(e -> check());
        getElement().executeJs(SCRIPT, 1000);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
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
