package org.onetrip.hardware.printer.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pair of linked pseudo-terminals from {@code socat}: {@link #driverSide()} for the driver,
 * {@link #printerSide()} for the fake printer. {@link #close()} ends socat, as unplugging would.
 */
final class Socat implements AutoCloseable {
    private final Path driverSide;
    private final Path printerSide;
    private final Process process;

    Socat(Path dir) throws IOException, InterruptedException {
        driverSide = dir.resolve("ttyKIOSK");
        printerSide = dir.resolve("ttyPRINTER");
        process = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + driverSide, "pty,raw,echo=0,link=" + printerSide)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(driverSide) && Files.exists(printerSide))) {
            if (!process.isAlive() || System.nanoTime() > end) {
                throw new IOException("socat did not create its pseudo-terminals: " + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(20);
        }
    }

    Path driverSide() {
        return driverSide;
    }

    Path printerSide() {
        return printerSide;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
