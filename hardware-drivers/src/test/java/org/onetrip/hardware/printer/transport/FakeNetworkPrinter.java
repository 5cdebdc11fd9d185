package org.onetrip.hardware.printer.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.onetrip.hardware.printer.FakePrinterEnd;

/** A network printer on loopback: accepts connections on an ephemeral port; each is a {@link FakePrinterEnd}. */
final class FakeNetworkPrinter implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> connections = new ArrayList<>();
    private final List<FakePrinterEnd> ends = new ArrayList<>();
    private volatile int sensor = FakePrinterEnd.READY;

    FakeNetworkPrinter() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fake-network-printer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The connection most recently accepted, waiting (bounded) for one; an empty end if none came. */
    synchronized FakePrinterEnd end() throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (ends.isEmpty() && System.nanoTime() < end) {
            wait(100);
        }
        return ends.isEmpty() ? new FakePrinterEnd(java.io.InputStream.nullInputStream(),
                java.io.OutputStream.nullOutputStream(), "none") : ends.getLast();
    }

    /** The printer's end of the newest connection once there have been at least {@code n}, waiting up to 5 s. */
    synchronized FakePrinterEnd end(int n) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (ends.size() < n && System.nanoTime() < end) {
            wait(100);
        }
        return ends.size() < n ? new FakePrinterEnd(java.io.InputStream.nullInputStream(),
                java.io.OutputStream.nullOutputStream(), "none") : ends.getLast();
    }

    /** The paper sensor byte every connection, present and future, answers DLE EOT 4 with. */
    synchronized void paper(int sensorByte) {
        sensor = sensorByte;
        ends.forEach(end -> end.sensor(sensorByte));
    }

    /** Drops every open connection, as a printer switched off would. */
    synchronized void dropConnections() throws IOException {
        for (Socket s : connections) {
            s.close();
        }
        connections.clear();
    }

    private void accept() {
        try {
            while (true) {
                Socket s = server.accept();
                FakePrinterEnd printerEnd = new FakePrinterEnd(s.getInputStream(), s.getOutputStream(), "tcp");
                printerEnd.sensor(sensor);
                synchronized (this) {
                    connections.add(s);
                    ends.add(printerEnd);
                    notifyAll();
                }
            }
        } catch (SocketException e) {
            // closed by close(): stop accepting
            synchronized (this) {
                notifyAll();
            }
        } catch (IOException e) {
            throw new IllegalStateException("fake printer accept failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        dropConnections();
        server.close();
    }
}
