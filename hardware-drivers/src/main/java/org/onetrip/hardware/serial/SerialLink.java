package org.onetrip.hardware.serial;

/**
 * One open serial device, 8N1, no flow control. Used by one thread at a time (the driver's own).
 */
public interface SerialLink extends AutoCloseable {
    String path();

    int baud();

    /** Changes the line speed of the open port. */
    void setBaud(int baud);

    /**
     * Writes all bytes.
     *
     * @throws SerialLinkException when the device is gone
     */
    void write(byte[] bytes);

    /**
     * Reads what has arrived, waiting up to {@code timeoutMillis} for the first byte.
     *
     * @return the number of bytes read, 0 when nothing came in time
     * @throws SerialLinkException when the device is gone (unplugged, or the other end of a pseudo-terminal closed)
     */
    int read(byte[] buffer, int timeoutMillis);

    /** Discards whatever has arrived and not been read (stale answers before a new command). */
    void discardInput();

    /** Closes the port; never throws. A closed link is not opened again: open a new one. */
    @Override
    void close();

    /** Opens a link by path: the seam between drivers and jSerialComm (tests and benchmarks can pass their own). */
    @FunctionalInterface
    interface Opener {
        /**
         * @throws SerialLinkException naming the path and the likely fix when it cannot be opened
         */
        SerialLink open(String path, int baud);
    }
}
