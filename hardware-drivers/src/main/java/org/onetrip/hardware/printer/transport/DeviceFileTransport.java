package org.onetrip.hardware.printer.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A USB printer-class device file ({@code /dev/usb/lp0}, Linux {@code usblp}): bytes written to it
 * are printed. One-way: the class's status byte does not carry the ESC/POS paper sensor, so paper
 * status is not known on this transport (a job to a printer out of paper waits or is lost; the
 * composition root should prefer serial or TCP where the printer offers them).
 */
public final class DeviceFileTransport implements PrinterTransport {
    private static final Logger log = LoggerFactory.getLogger(DeviceFileTransport.class);

    private final Path device;
    private OutputStream out;

    public DeviceFileTransport(Path device) {
        this.device = Objects.requireNonNull(device, "device");
    }

    @Override
    public String device() {
        return device.toString();
    }

    @Override
    public boolean twoWay() {
        return false;
    }

    @Override
    public void open() throws IOException {
        close();
        try {
            out = Files.newOutputStream(device, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (NoSuchFileException e) {
            throw new IOException(device + " does not exist (is the printer on and the usblp module loaded?)", e);
        } catch (AccessDeniedException e) {
            throw new IOException(device + ": permission denied (add the kiosk user to group lp)", e);
        }
    }

    @Override
    public boolean isOpen() {
        return out != null;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (out == null) {
            throw new IOException(device + " is not open");
        }
        out.write(bytes);
        out.flush();
    }

    @Override
    public Optional<Integer> query(byte[] request, Duration timeout) {
        return Optional.empty();
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                log.debug("{}: close failed: {}", device, e.getMessage());
            } finally {
                out = null;
            }
        }
    }

    @Override
    public String toString() {
        return "usb-lp[" + device + "]";
    }
}
