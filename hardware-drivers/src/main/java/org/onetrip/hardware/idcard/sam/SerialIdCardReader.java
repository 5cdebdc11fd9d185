package org.onetrip.hardware.idcard.sam;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.onetrip.hardware.idcard.IdCardEvent;
import org.onetrip.hardware.idcard.IdCardListener;
import org.onetrip.hardware.idcard.IdCardReader;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.serial.SerialLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real ID-card reader: a second-generation reader speaking the SAM protocol over a serial line. One thread
 * polls find → select → read; a card that was read is not read again until it has left the field (readers halt a
 * card after reading it). The reader is opened by probing 115200 baud first, then the lower rates; its SAM id is
 * logged and kept for the audit trail. When the device goes away the thread reports a fault at once, then tries
 * to open it again (a new port object each time) and reports the reader back when it answers.
 *
 * <p>Events: {@code CardRead} (validated; a card failing its check character is {@code CardUnreadable}),
 * {@code CardRemoved} (the reader no longer finds the card that was read), {@code ReaderFault}, {@code ReaderBack}.
 */
public final class SerialIdCardReader extends AbstractLifeCycle implements IdCardReader {
    private static final Logger log = LoggerFactory.getLogger(SerialIdCardReader.class);
    /** Tries on one card before telling the resident it cannot be read. */
    private static final int READ_ATTEMPTS = 2;
    /** Short silences tolerated before the reader is declared faulty (a busy reader can miss one poll). */
    private static final int SILENCES_TOLERATED = 1;

    private final Settings settings;
    private final SerialLink.Opener opener;
    private final List<IdCardListener> listeners = new CopyOnWriteArrayList<>();

    private volatile Thread thread;
    private volatile CountDownLatch stopping;
    private volatile boolean healthy;
    private volatile String samId;

    /**
     * @param path      the device, preferably {@code /dev/serial/by-id/…} (stable across reboots and ports)
     * @param poll      time between find-card polls
     * @param reconnect time between attempts to open a device that is absent or silent
     */
    public record Settings(String path, Duration poll, Duration reconnect, SamSession.Timing timing) {
        public static Settings of(String path) {
            return new Settings(path, Duration.ofMillis(200), Duration.ofMillis(250), SamSession.Timing.defaults());
        }
    }

    public SerialIdCardReader(Settings settings, SerialLink.Opener opener) {
        this.settings = settings;
        this.opener = opener;
    }

    @Override
    public String name() {
        return "id-reader[" + settings.path() + "]";
    }

    @Override
    public Optional<String> samId() {
        return Optional.ofNullable(samId);
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

    @Override
    protected void doStart() {
        stopping = new CountDownLatch(1);
        Thread t = new Thread(this::run, "id-reader");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        stopping.countDown();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            t.join(TimeUnit.SECONDS.toMillis(5));
            if (t.isAlive()) {
                log.warn("{}: poll thread did not end within 5 s", name());
            }
        }
        healthy = false;
    }

    private void run() {
        Poller poller = new Poller();
        try {
            while (stopping.getCount() > 0) {
                Duration pause = poller.step();
                if (stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            poller.close();
        }
    }

    /** The poll loop's state, owned by the poll thread. */
    private final class Poller {
        private SamSession session;
        private boolean faultReported;
        private int silences;
        private CardState card = CardState.NONE;
        private int failedAttempts;

        Duration step() {
            try {
                if (session == null) {
                    open();
                }
                pollCard();
                silences = 0;
                return settings.poll();
            } catch (ReaderLinkException e) {
                if (e.gone() || session == null || ++silences > SILENCES_TOLERATED) {
                    close();
                    fault(e.getMessage());
                    return settings.reconnect();
                }
                return settings.poll();
            } catch (SamStatusException e) {
                if (e.status().kind() == SamStatus.Kind.SAM_FAULT) {
                    close();
                    fault("security module fault: " + e.status() + " " + e.status().meaning());
                    return settings.reconnect();
                }
                if (session == null) {
                    fault("the device answers, but not as a SAM reader should: " + e.getMessage());
                    return settings.reconnect();
                }
                log.warn("{}: {}", name(), e.getMessage());
                return settings.poll();
            } catch (SamFrameException e) {
                log.warn("{}: garbled answers: {}", name(), e.getMessage());
                return settings.poll();
            } catch (RuntimeException e) {
                close();
                fault("unexpected: " + e);
                log.error("{}: unexpected failure in the poll loop", name(), e);
                return settings.reconnect();
            }
        }

        private void open() {
            SamSession opened = SamSession.probe(opener, settings.path(), settings.timing());
            try {
                samId = opened.samId();
            } catch (SamException e) {
                opened.close();
                throw e;
            }
            session = opened;
            log.info("{}: open at {} baud, SAM {}", name(), opened.link().baud(), samId);
            card = CardState.NONE;
            failedAttempts = 0;
            healthy = true;
            if (faultReported) {
                faultReported = false;
                fire(new IdCardEvent.ReaderBack(name()));
            }
        }

        private void pollCard() {
            if (!session.findCard()) {
                if (card == CardState.READ) {
                    fire(new IdCardEvent.CardRemoved());
                }
                card = CardState.NONE;
                failedAttempts = 0;
                return;
            }
            if (card != CardState.NONE) {
                return; // the same card is still in the field: it must leave before it is read again
            }
            try {
                SamSession.CardReading reading = session.readCard();
                IdentityCard read = reading.appendedAddress()
                        .map(address -> withAddress(reading.card(), address)).orElse(reading.card());
                card = CardState.READ;
                fire(new IdCardEvent.CardRead(read));
            } catch (SamStatusException e) {
                switch (e.status().kind()) {
                    case NO_CARD -> card = CardState.NONE; // it left between find and select
                    case CARD, PROTOCOL -> unreadable(e.status().name(), false);
                    default -> throw e;
                }
            } catch (SamFrameException e) {
                unreadable(e.getMessage(), false);
            } catch (CardDataException e) {
                unreadable(e.getMessage(), true); // the bytes arrived intact: reading again gives the same
            }
        }

        private void unreadable(String reason, boolean deterministic) {
            if (deterministic || ++failedAttempts >= READ_ATTEMPTS) {
                log.info("{}: card unreadable after {} attempts: {}", name(), failedAttempts, reason);
                card = CardState.FAILED;
                fire(new IdCardEvent.CardUnreadable(reason));
            }
        }

        private void fault(String reason) {
            healthy = false;
            if (!faultReported) {
                faultReported = true;
                log.warn("{}: {}", name(), reason);
                fire(new IdCardEvent.ReaderFault(name(), reason));
            }
        }

        void close() {
            if (session != null) {
                session.close();
                session = null;
            }
        }
    }

    private enum CardState { NONE, READ, FAILED }

    /** The card with its current address: the latest appended address replaces the one printed at issue. */
    private static IdentityCard withAddress(IdentityCard c, String address) {
        return new IdentityCard(c.type(), c.name(), c.sex(), c.nation(), c.birthDate(), address, c.idNumber(),
                c.issuer(), c.validFrom(), c.validUntil());
    }

    private void fire(IdCardEvent event) {
        for (IdCardListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("{}: a listener failed on {}", name(), event.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public String toString() {
        return name() + "@" + getState() + (isRunning() ? (healthy ? "/ok" : "/fault") : "");
    }
}
