package org.onetrip.hardware.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A linked pair of pseudo-terminals made by socat: {@code host} is what the driver opens (as it would open
 * /dev/serial/by-id/…), {@code device} is where an emulator plays the device. {@link #unplug()} kills socat
 * (both names vanish, both ends see the line go); {@link #plugIn()} starts a new socat with the same names.
 */
public final class Socat implements AutoCloseable {
    public static final String SOCAT = "/usr/bin/socat";
    private final Path host;
    private final Path device;
    private Process process;

    private Socat(Path dir) {
        this.host = dir.resolve("host");
        this.device = dir.resolve("device");
    }

    public static Socat start(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(SOCAT))) {
            throw new IllegalStateException("pseudo-terminal tests need socat: apt-get install socat");
        }
        Socat s = new Socat(dir);
        s.plugIn();
        return s;
    }

    public String host() {
        return host.toString();
    }

    public String device() {
        return device.toString();
    }

    public synchronized void plugIn() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder(SOCAT, "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(host) && Files.exists(device))) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("socat did not create " + host + " and " + device);
            }
            Thread.onSpinWait();
            Thread.sleep(5); // polling a file that another process creates; bounded by the deadline above
        }
    }

    /** Kills socat: both ends of the line go away, as when a USB reader is pulled out. */
    public synchronized void unplug() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            process = null;
        }
        try {
            Files.deleteIfExists(host);
            Files.deleteIfExists(device);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        unplug();
    }
}
