package org.onetrip.hardware.idcard;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reader without hardware, for demo mode and tests. Knobs put a card on it, take it off, or make it fail;
 * events reach listeners on the simulator's own thread, as a real reader's poll thread would deliver them.
 */
public final class SimulatedIdCardReader extends AbstractLifeCycle implements IdCardReader {
    private static final Logger log = LoggerFactory.getLogger(SimulatedIdCardReader.class);

    private final List<IdCardListener> listeners = new CopyOnWriteArrayList<>();
    private ExecutorService events;
    private volatile boolean healthy;
    private volatile IdentityCard inField;

    @Override
    public String name() {
        return "id-reader[simulated]";
    }

    @Override
    protected void doStart() {
        events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "id-reader-simulated");
            t.setDaemon(true);
            return t;
        });
        healthy = true;
    }

    @Override
    protected void doStop() throws InterruptedException {
        healthy = false;
        events.shutdown();
        if (!events.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn("{}: events still queued at stop", name());
        }
    }

    @Override
    public void addListener(IdCardListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(IdCardListener listener) {
        listeners.remove(listener);
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
        if (!isRunning()) {
            throw new IllegalStateException(name() + ": not started");
        }
        events.execute(() -> {
            for (IdCardListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    log.warn("{}: a listener failed on {}", name(), event.getClass().getSimpleName(), e);
                }
            }
        });
    }

    @Override
    public String toString() {
        return name() + "@" + getState();
    }
}
