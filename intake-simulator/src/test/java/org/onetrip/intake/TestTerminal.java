package org.onetrip.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.onetrip.store.uplink.RequestSignature;
import org.onetrip.store.uplink.Sm2;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A terminal as the tests drive it: signs each request with its SM2 key and the clock's time, over the path
 * and query exactly as sent. {@link #call} lets a test bend any part of a request.
 */
final class TestTerminal {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String id;
    final KeyPair keys;
    private final Supplier<URI> baseUri;
    private final Clock clock;

    TestTerminal(String id, Supplier<URI> baseUri, Clock clock) {
        this(id, Sm2.generateKeyPair(), baseUri, clock);
    }

    private TestTerminal(String id, KeyPair keys, Supplier<URI> baseUri, Clock clock) {
        this.id = id;
        this.keys = keys;
        this.baseUri = baseUri;
        this.clock = clock;
    }

    /** The same terminal (id and keys) talking to another simulator. */
    TestTerminal talkingTo(RunningSimulator running) {
        return new TestTerminal(id, keys, running.simulator::baseUri, running.clock);
    }

    String publicKeyPem() {
        return Sm2.publicKeyPem(keys.getPublic());
    }

    Call call(String method, String pathAndQuery, byte[] body) {
        return new Call(method, pathAndQuery, body);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return call("GET", pathAndQuery, new byte[0]).send();
    }

    HttpResponse<String> put(String path, byte[] body) {
        return call("PUT", path, body).send();
    }

    HttpResponse<String> post(String path, String idempotencyKey, String body) {
        Call call = call("POST", path, body.getBytes(StandardCharsets.UTF_8));
        return idempotencyKey == null ? call.send() : call.header("Idempotency-Key", idempotencyKey).send();
    }

    /**
     * Sends a signed bodiless request over a plain socket, for request lines {@link java.net.URI} refuses;
     * answers the raw HTTP response.
     */
    String raw(String method, String pathAndQuery) {
        String date = RequestSignature.httpDate(clock.instant());
        String signature = RequestSignature.sign(keys.getPrivate(), method, pathAndQuery, date, new byte[0]);
        URI base = baseUri.get();
        String request = method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getAuthority()
                + "\r\n" + RequestSignature.TERMINAL_HEADER + ": " + id
                + "\r\n" + RequestSignature.DATE_HEADER + ": " + date
                + "\r\n" + RequestSignature.SIGNATURE_HEADER + ": " + signature
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** One request; by default correctly signed now, by this terminal's key. */
    final class Call {
        private final String method;
        private final String pathAndQuery;
        private final byte[] body;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private PrivateKey signingKey = keys.getPrivate();
        private String date = RequestSignature.httpDate(clock.instant());
        private boolean signed = true;
        private String terminalId = id;

        private Call(String method, String pathAndQuery, byte[] body) {
            this.method = method;
            this.pathAndQuery = pathAndQuery;
            this.body = body;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call signedWith(PrivateKey key) {
            signingKey = key;
            return this;
        }

        Call dated(String httpDate) {
            date = httpDate;
            return this;
        }

        Call unsigned() {
            signed = false;
            return this;
        }

        Call as(String otherTerminalId) {
            terminalId = otherTerminalId;
            return this;
        }

        HttpResponse<String> send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri.get() + pathAndQuery))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                    .header(RequestSignature.TERMINAL_HEADER, terminalId)
                    .header(RequestSignature.DATE_HEADER, date);
            if (signed) {
                request.header(RequestSignature.SIGNATURE_HEADER,
                        RequestSignature.sign(signingKey, method, pathAndQuery, date, body));
            }
            headers.forEach(request::header);
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while calling the simulator", e);
            }
        }
    }
}
