package org.onetrip.kiosk.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Tests only: remembers the UIs the real server creates, so a browser test can do on the server what a device
 * event would (here: a QR scan) inside {@code ui.access}, as the scanner's wiring will.
 */
public final class LiveUis implements VaadinServiceInitListener {
    private static final List<UI> UIS = new CopyOnWriteArrayList<>();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> {
            UIS.add(e.getUI());
            e.getUI().addDetachListener(d -> UIS.remove(d.getUI()));
        });
    }

    /** The most recent UI still attached, waiting (bounded) for one to appear. */
    static UI latest(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (UIS.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        return UIS.getLast();
    }
}
