package org.onetrip.kiosk.agency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Tests only: remembers the UIs the real server creates so a browser test can sign a staff member in on the
 * server (the sign-in page is another helper's work), as a successful PIN entry will.
 */
public final class StaffUis implements VaadinServiceInitListener {
    private static final List<UI> UIS = new CopyOnWriteArrayList<>();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> {
            UIS.add(e.getUI());
            e.getUI().addDetachListener(d -> UIS.remove(d.getUI()));
        });
    }

    /** Signs {@code name} in with {@code role} on the browser session of the most recent UI. */
    public static void signInLatest(String staffId, String name, StaffRole role, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (UIS.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        UI ui = UIS.getLast();
        ui.access(() -> StaffSession.signIn(new StaffSession(staffId, name, role, Instant.now())))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
