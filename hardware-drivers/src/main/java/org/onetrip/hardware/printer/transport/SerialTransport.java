package org.onetrip.hardware.printer.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A printer on a serial port (RS-232 or a USB-serial adapter), 8N1, by path. jSerialComm does not
 * list pseudo-terminals and keeps a dead port open, so the port is opened by path and every
 * {@link #open()} makes a new {@link SerialPort}. The only class that imports jSerialComm.
 */
public final class SerialTransport implements PrinterTransport {

    /** How long a write may block, e.g. 4 KB at 9600 baud with the printer's flow control. */
    private static final int WRITE_TIMEOUT_MS = 30_000;

    private final String path;
    private final int baud;
    private SerialPort port;

    public SerialTransport(String path, int baud) {
        this.path = Objects.requireNonNull(path, "path");
        this.baud = baud;
    }

    @Override
    public String device() {
        return path;
    }

    @Override
    public boolean twoWay() {
        return true;
    }

    @Override
    public void open() throws IOException {
        close();
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("no serial port at " + path, e);
        }
        candidate.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        candidate.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!candidate.openPort()) {
            throw new IOException("cannot open " + path + " (error " + candidate.getLastErrorCode()
                    + "; is the kiosk user in group dialout, and is the cable in?)");
        }
        port = candidate;
    }

    @Override
    public boolean isOpen() {
        return port != null && port.isOpen();
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        SerialPort open = require();
        open.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, WRITE_TIMEOUT_MS);
        int done = 0;
        while (done < bytes.length) {
            int n = open.writeBytes(bytes, bytes.length - done, done);
            if (n <= 0) {
                throw new IOException("write to " + path + " failed after " + done + " of " + bytes.length + " bytes");
            }
            done += n;
        }
    }

    @Override
    public Optional<Integer> query(byte[] request, Duration timeout) throws IOException {
        SerialPort open = require();
        drain(open);
        write(request);
        open.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) timeout.toMillis(), WRITE_TIMEOUT_MS);
        byte[] reply = new byte[1];
        int n = open.readBytes(reply, 1);
        if (n < 0) {
            throw new IOException("read from " + path + " failed: the port is gone");
        }
        return n == 1 ? Optional.of(reply[0] & 0xFF) : Optional.empty();
    }

    private static void drain(SerialPort open) {
        int available = open.bytesAvailable();
        if (available > 0) {
            open.readBytes(new byte[available], available);
        }
    }

    private SerialPort require() throws IOException {
        if (port == null || !port.isOpen()) {
            throw new IOException(path + " is not open");
        }
        return port;
    }

    @Override
    public void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }

    @Override
    public String toString() {
        return "serial[" + path + " " + baud + "]";
    }
}
