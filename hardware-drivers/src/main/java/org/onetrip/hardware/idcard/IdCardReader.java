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

    /**
     * The reader's security-module id (SAM id, e.g. {@code 05.01-20101116-…}) once it has answered, for the audit
     * trail; empty for a reader without one (the simulator) or before the first answer.
     */
    default java.util.Optional<String> samId() {
        return java.util.Optional.empty();
    }
}
