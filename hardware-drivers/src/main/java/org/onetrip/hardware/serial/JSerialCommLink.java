package org.onetrip.hardware.serial;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fazecast.jSerialComm.SerialPort;

/**
 * {@link SerialLink} on jSerialComm. Each {@link #open} makes a new {@link SerialPort} object: after a device
 * has gone, the old object keeps reporting the disconnect and is never reused. jSerialComm does not list
 * pseudo-terminals, so ports are always opened by path.
 */
public final class JSerialCommLink implements SerialLink {
    private final SerialPort port;
    private final String path;
    private int baud;
    private int timeout = -1;

    private JSerialCommLink(SerialPort port, String path, int baud) {
        this.port = port;
        this.path = path;
        this.baud = baud;
    }

    /** The opener drivers use on a real terminal. */
    public static SerialLink open(String path, int baud) {
        Path p = Path.of(path);
        if (!Files.exists(p)) {
            throw new SerialLinkException(path + ": no such device (unplugged, or a different name: see ls -l /dev/serial/by-id/)");
        }
        if (!Files.isReadable(p) || !Files.isWritable(p)) {
            throw new SerialLinkException(path + ": permission denied (add the service user to the dialout group,"
                    + " or install the udev rule in docs/hardware.md)");
        }
        SerialNatives.ensureConfigured();
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort(0)) {
            int code = port.getLastErrorCode();
            throw new SerialLinkException(path + ": cannot open (error " + code
                    + (code == 13 ? ", permission denied: add the service user to the dialout group)" : ")"));
        }
        return new JSerialCommLink(port, path, baud);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public int baud() {
        return baud;
    }

    @Override
    public void setBaud(int baud) {
        if (!port.setBaudRate(baud)) {
            throw new SerialLinkException(path + ": cannot set " + baud + " baud");
        }
        this.baud = baud;
    }

    @Override
    public void write(byte[] bytes) {
        int done = 0;
        while (done < bytes.length) {
            int n = port.writeBytes(bytes, bytes.length - done, done);
            if (n < 0) {
                throw new SerialLinkException(path + ": device gone (write failed)");
            }
            done += n;
        }
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) {
        int t = Math.max(1, timeoutMillis);
        if (t != timeout) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, t, 0);
            timeout = t;
        }
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            throw new SerialLinkException(path + ": device gone (read failed)");
        }
        return n;
    }

    @Override
    public void discardInput() {
        port.flushIOBuffers();
        int available = port.bytesAvailable();
        if (available < 0) {
            throw new SerialLinkException(path + ": device gone");
        }
        byte[] scratch = new byte[256];
        while (available > 0) {
            int n = port.readBytes(scratch, Math.min(scratch.length, available));
            if (n <= 0) {
                break;
            }
            available -= n;
        }
    }

    @Override
    public void close() {
        port.closePort();
    }

    @Override
    public String toString() {
        return "serial[" + path + "@" + baud + "]";
    }
}
