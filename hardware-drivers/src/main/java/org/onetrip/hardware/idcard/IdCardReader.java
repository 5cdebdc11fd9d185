package org.onetrip.hardware.idcard;

import org.eclipse.jetty.util.component.LifeCycle;

/**
 * A second-generation ID-card reader. Implementations poll or listen on their own thread and deliver
 * {@link IdCardEvent}s to the listeners on that thread; a listener must hand work to its own thread (a UI
 * does so with {@code ui.access}) and return quickly.
 */
public interface IdCardReader extends LifeCycle {
    /** The device as a technician would name it, e.g. {@code id-reader[/dev/serial/by-id/…]}. */
    String name();

    void addListener(IdCardListener listener);

    void removeListener(IdCardListener listener);

    /** True while the reader is started and has not reported a fault since it last worked. */
    boolean isHealthy();
}
