package org.onetrip.kiosk.technician;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ClickNotifier;
import com.vaadin.flow.component.Component;

/**
 * The hidden gesture that opens technician mode: five taps on the site name within three seconds. Nothing shows
 * that it exists; it leads to the PIN page, never straight in.
 */
public final class TechnicianGesture {
    static final int TAPS = 5;
    static final Duration WINDOW = Duration.ofSeconds(3);

    private final Clock clock;
    private Instant first = Instant.MIN;
    private int taps;

    TechnicianGesture(Clock clock) {
        this.clock = clock;
    }

    /** Attaches the gesture to {@code target} (the header's site name). */
    public static <T extends Component & ClickNotifier<T>> void attach(T target) {
        TechnicianGesture gesture = new TechnicianGesture(Clock.systemUTC());
        target.addClickListener((ClickEvent<T> e) -> {
            if (gesture.tap()) {
                target.getUI().ifPresent(ui -> ui.navigate(TechnicianPinView.class));
            }
        });
    }

    /** Counts one tap; true on the fifth tap within the window. */
    boolean tap() {
        Instant now = clock.instant();
        if (Duration.between(first, now).compareTo(WINDOW) > 0) {
            first = now;
            taps = 0;
        }
        if (++taps >= TAPS) {
            taps = 0;
            first = Instant.MIN;
            return true;
        }
        return false;
    }
}
