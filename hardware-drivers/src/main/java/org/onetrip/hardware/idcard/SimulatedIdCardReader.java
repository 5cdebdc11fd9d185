package org.onetrip.hardware.idcard;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.onetrip.hardware.events.EventThread;

/**
 * A reader without hardware, for demo mode and tests. Knobs put a card on it, take it off, or make it fail;
 * events reach listeners on the simulator's own thread, as a real reader's poll thread would deliver them.
 */
public final class SimulatedIdCardReader extends AbstractLifeCycle implements IdCardReader {
    private static final String NAME = "id-reader[simulated]";

    private final EventThread<IdCardListener> events = new EventThread<>(NAME, "id-reader-simulated");
    private volatile boolean healthy;
    private volatile IdentityCard inField;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected void doStart() {
        events.start();
        healthy = true;
    }

    @Override
    protected void doStop() throws InterruptedException {
        healthy = false;
        events.stop();
    }

    @Override
    public void addListener(IdCardListener listener) {
        events.add(listener);
    }

    @Override
    public void removeListener(IdCardListener listener) {
        events.remove(listener);
    }

    @Override
    public boolean isHealthy() {
        return isRunning() && healthy;
    }

    /** Places a card on the reader: listeners get {@link IdCardEvent.CardRead}. */
    public void insertCard(IdentityCard card) {
        inField = card;
        fire(new IdCardEvent.CardRead(card));
    }

    /** Takes the card off: listeners get {@link IdCardEvent.CardRemoved} if a card was there. */
    public void removeCard() {
        if (inField != null) {
            inField = null;
            fire(new IdCardEvent.CardRemoved());
        }
    }

    /** A card that cannot be read (dirty, bent, or failing its checks). */
    public void insertUnreadableCard(String reason) {
        fire(new IdCardEvent.CardUnreadable(reason));
    }

    public void fault(String reason) {
        healthy = false;
        fire(new IdCardEvent.ReaderFault(name(), reason));
    }

    public void recover() {
        healthy = true;
        fire(new IdCardEvent.ReaderBack(name()));
    }

    private void fire(IdCardEvent event) {
        events.fire(l -> l.onEvent(event), event.getClass().getSimpleName());
    }

    @Override
    public String toString() {
        return name() + "@" + getState();
    }
}
