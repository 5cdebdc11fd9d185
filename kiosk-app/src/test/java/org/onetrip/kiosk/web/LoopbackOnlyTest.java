package org.onetrip.kiosk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The default web server (no LAN mode) listens on 127.0.0.1 only: connecting to the same port through one of this
 * machine's other addresses is refused by the operating system, before any handler could decide anything.
 */
class LoopbackOnlyTest {
    @Test
    void the_default_server_cannot_be_reached_through_a_non_loopback_address_of_this_machine() throws Exception {
        Optional<InetAddress> other = nonLoopbackAddress();
        Assumptions.assumeTrue(other.isPresent(), "this machine has no up, non-loopback IPv4 address to try; the test"
                + " needs one (e.g. eth0) to show the kiosk is not served on it");
        WebServer web = new WebServer("127.0.0.1", 0, new KioskServices());
        web.start();
        try {
            int port = web.uri().getPort();
            assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(web.uri().resolve("/health"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "served on loopback");
            IOException refused = assertThrows(IOException.class, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(other.get(), port), 5_000);
                }
            }, "nothing listens on " + other.get().getHostAddress() + ":" + port);
            assertEquals(java.net.ConnectException.class, refused.getClass(), refused.toString());
            assertEquals(URI.create("http://127.0.0.1:" + port + "/"), web.uri());
            assertEquals(Optional.empty(), web.lanUri());
        } finally {
            web.stop();
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
    }
}
