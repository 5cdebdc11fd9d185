package org.onetrip.hardware.printer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * The printer's end of a byte stream, for transport tests: answers {@code DLE EOT 4} with its paper
 * sensor byte (knobs: {@link #paperOut()}, {@link #paperNearEnd()}, {@link #paperLoaded()}) and keeps
 * every other byte as printed. Reads on its own daemon thread until the stream ends.
 */
public final class FakePrinterEnd {
    public static final int READY = 0x12;
    public static final int NEAR_END = 0x12 | 0x0C;
    public static final int PAPER_END = 0x12 | 0x60 | 0x0C;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private volatile int sensor = READY;
    private int statusRequests;

    public FakePrinterEnd(InputStream in, OutputStream out, String name) {
        Thread reader = new Thread(() -> run(in, out), "fake-printer-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    public void paperOut() {
        sensor = PAPER_END;
    }

    public void paperNearEnd() {
        sensor = NEAR_END;
    }

    public void paperLoaded() {
        sensor = READY;
    }

    /** Answers DLE EOT 4 with {@code sensorByte} from now on. */
    public void sensor(int sensorByte) {
        sensor = sensorByte;
    }

    public synchronized byte[] printed() {
        return printed.toByteArray();
    }

    public synchronized int statusRequests() {
        return statusRequests;
    }

    /** Waits (bounded) until at least {@code count} bytes were printed; returns what was printed. */
    public synchronized byte[] awaitPrinted(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (printed.size() < count) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return printed.toByteArray();
    }

    private void run(InputStream in, OutputStream out) {
        byte[] buffer = new byte[4096];
        int pending = 0; // how many bytes of DLE EOT 4 were seen in a row
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    int expected = pending == 0 ? 0x10 : 0x04;
                    if (b == expected) {
                        pending++;
                        if (pending == 3) {
                            pending = 0;
                            synchronized (this) {
                                statusRequests++;
                            }
                            out.write(sensor);
                            out.flush();
                        }
                        continue;
                    }
                    synchronized (this) {
                        if (pending > 0) {
                            printed.write(pending == 1 ? new byte[] {0x10} : new byte[] {0x10, 0x04}, 0, pending);
                            pending = 0;
                        }
                        printed.write(b);
                    }
                }
                synchronized (this) {
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the other end went away: the fake printer is unplugged
            synchronized (this) {
                notifyAll();
            }
        }
    }
}
