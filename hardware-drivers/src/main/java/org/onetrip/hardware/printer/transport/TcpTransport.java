package org.onetrip.hardware.printer.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A network printer's raw port (usually 9100, "JetDirect"): two-way, so paper status is read back. */
public final class TcpTransport implements PrinterTransport {
    private static final Logger log = LoggerFactory.getLogger(TcpTransport.class);

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public TcpTransport(String host, int port) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
    }

    @Override
    public String device() {
        return host + ":" + port;
    }

    @Override
    public boolean twoWay() {
        return true;
    }

    @Override
    public void open() throws IOException {
        close();
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            socket = s;
            in = s.getInputStream();
            out = s.getOutputStream();
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot connect to " + device() + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public boolean isOpen() {
        return socket != null && !socket.isClosed();
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (out == null) {
            throw new IOException(device() + " is not connected");
        }
        out.write(bytes);
        out.flush();
    }

    @Override
    public Optional<Integer> query(byte[] request, Duration timeout) throws IOException {
        if (socket == null) {
            throw new IOException(device() + " is not connected");
        }
        while (in.available() > 0) {
            if (in.read() < 0) {
                throw new IOException(device() + " closed the connection");
            }
        }
        write(request);
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            int b = in.read();
            if (b < 0) {
                throw new IOException(device() + " closed the connection");
            }
            return Optional.of(b);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } finally {
            socket.setSoTimeout(0);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("{}: close failed: {}", device(), e.getMessage());
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    @Override
    public String toString() {
        return "tcp[" + device() + "]";
    }
}
