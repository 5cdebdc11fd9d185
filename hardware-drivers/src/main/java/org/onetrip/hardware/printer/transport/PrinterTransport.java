package org.onetrip.hardware.printer.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The bytes path to a printer: a serial port, a USB printer-class device file or a TCP socket.
 * Not thread-safe: {@code EscPosPrinter} serialises every call. After any {@link IOException} the
 * caller closes the transport and opens it again for the next job (a serial adapter that was
 * unplugged comes back as a new port object).
 */
public interface PrinterTransport extends AutoCloseable {

    /** The device for messages, e.g. {@code /dev/ttyUSB0}, {@code /dev/usb/lp0}, {@code 192.168.1.20:9100}. */
    String device();

    /** Whether the printer's replies can be read (status requests work). */
    boolean twoWay();

    void open() throws IOException;

    boolean isOpen();

    /** Writes all bytes, or throws. */
    void write(byte[] bytes) throws IOException;

    /**
     * Drops unread input, sends {@code request} and waits up to {@code timeout} for one reply byte.
     * Empty if no byte came (or the transport is one-way).
     */
    Optional<Integer> query(byte[] request, Duration timeout) throws IOException;

    /** Closes quietly; a closed transport may be opened again. */
    @Override
    void close();
}
