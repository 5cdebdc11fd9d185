package org.onetrip.hardware.idcard.sam;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.onetrip.hardware.serial.JSerialCommLink;
import org.onetrip.hardware.serial.SerialLink;
import org.onetrip.hardware.serial.SerialLinkException;

/**
 * A second-generation reader played on the device end of a pseudo-terminal: it answers real SAM request frames
 * with real response frames, so the real driver is tested over a real tty. Knobs put a card in the field, make
 * the reader fail in the ways real ones do, or mangle its answers on the wire. When the line goes away
 * (socat killed) it waits for the device name to come back and serves again.
 */
public final class SamReaderEmulator implements AutoCloseable {
    /** Bytes of the SAM id answer (domain-spec §1.7 layout). */
    static final byte[] SAM_ID = {5, 0, 1, 0, (byte) 0x8C, 0x5A, 0x33, 0x01, 0x39, 0x30, 0, 0, (byte) 0xD2, 0x02,
            (byte) 0x96, 0x49};

    private final String path;
    private final Thread thread;
    private final Map<SamCommand, AtomicInteger> received = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile SerialLink link;

    private volatile byte[] cardText;
    private volatile byte[] appended;
    private volatile boolean halted;
    /** Readers halt a card after reading it: find fails until it leaves and comes back. */
    public volatile boolean haltAfterRead = true;
    public volatile int statusSw3 = 0x90;
    public volatile int readSw3 = 0x90;
    public volatile boolean silent;
    /** Answers are written in pieces of this many bytes with a pause between (0 = in one write). */
    public volatile int fragment;
    public volatile byte[] noiseBeforeAnswers = new byte[0];
    /** The next this-many answers go out with a wrong checksum. */
    public final AtomicInteger corruptAnswers = new AtomicInteger();

    private SamReaderEmulator(String path) {
        this.path = path;
        this.thread = new Thread(this::run, "sam-emulator");
        thread.setDaemon(true);
    }

    public static SamReaderEmulator start(String devicePath) {
        SamReaderEmulator e = new SamReaderEmulator(devicePath);
        e.thread.start();
        return e;
    }

    public void insertCard(byte[] text) {
        insertCard(text, null);
    }

    public void insertCard(byte[] text, byte[] appendedAddresses) {
        appended = appendedAddresses;
        halted = false;
        cardText = text;
    }

    public void removeCard() {
        cardText = null;
        halted = false;
    }

    public int received(SamCommand command) {
        return received.computeIfAbsent(command, c -> new AtomicInteger()).get();
    }

    private void run() {
        byte[] buf = new byte[512];
        SamFrameParser parser = new SamFrameParser();
        while (!closed) {
            try {
                if (link == null) {
                    link = JSerialCommLink.open(path, 115200);
                    parser.clear();
                }
                int n = link.read(buf, 100);
                if (n <= 0) {
                    continue;
                }
                parser.feed(buf, 0, n);
                byte[] request;
                while (true) {
                    try {
                        request = parser.next();
                    } catch (SamFrameException e) {
                        answer(SamFrames.response(0, 0, 0x10));
                        continue;
                    }
                    if (request == null) {
                        break;
                    }
                    handle(request);
                }
            } catch (SerialLinkException e) {
                SerialLink l = link;
                link = null;
                if (l != null) {
                    l.close();
                }
                pause(20);
            }
        }
    }

    private void handle(byte[] request) {
        SamCommand command = SamCommand.of(request[7], request[8]);
        if (command == null) {
            answer(SamFrames.response(0, 0, 0x21));
            return;
        }
        received.computeIfAbsent(command, c -> new AtomicInteger()).incrementAndGet();
        if (silent) {
            return;
        }
        if (statusSw3 != 0x90 && command != SamCommand.STATUS) {
            answer(SamFrames.response(0, 0, statusSw3));
            return;
        }
        byte[] text = cardText;
        answer(switch (command) {
            case STATUS, RESET -> SamFrames.response(0, 0, statusSw3);
            case SAM_ID -> SamFrames.response(0, 0, 0x90, SAM_ID);
            case FIND_CARD -> text != null && !halted ? SamFrames.response(0, 0, 0x9F, new byte[4])
                    : SamFrames.response(0, 0, 0x80);
            case SELECT_CARD -> text != null && !halted ? SamFrames.response(0, 0, 0x90, new byte[8])
                    : SamFrames.response(0, 0, 0x81);
            case READ_TEXT_AND_PHOTO -> read(text);
            case READ_APPENDED_ADDRESS -> appended == null ? SamFrames.response(0, 0, 0x91)
                    : SamFrames.response(0, 0, 0x90, appended);
            default -> SamFrames.response(0, 0, 0x90);
        });
    }

    private byte[] read(byte[] text) {
        if (text == null || halted) {
            return SamFrames.response(0, 0, 0x41);
        }
        if (readSw3 != 0x90) {
            return SamFrames.response(0, 0, readSw3);
        }
        if (haltAfterRead) {
            halted = true;
        }
        return SamFrames.response(0x90, 0, 0x90, new BaseMessage(text, TestCards.photo(), new byte[0]).toData());
    }

    private void answer(byte[] frame) {
        SerialLink l = link;
        if (corruptAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            frame[frame.length - 1] ^= 0x5A;
        }
        if (noiseBeforeAnswers.length > 0) {
            l.write(noiseBeforeAnswers);
        }
        int piece = fragment;
        if (piece <= 0) {
            l.write(frame);
            return;
        }
        for (int at = 0; at < frame.length; at += piece) {
            l.write(java.util.Arrays.copyOfRange(frame, at, Math.min(frame.length, at + piece)));
            pause(3);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the device's own pacing on the wire, not a test waiting for a result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(2000);
        SerialLink l = link;
        if (l != null) {
            l.close();
        }
    }
}
