package org.onetrip.kiosk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The headers handler on a real loopback Jetty, in front of an app that tries to weaken them (it sets a long
 * {@code Cache-Control} and {@code X-Frame-Options: SAMEORIGIN} on every response) and counts the requests it saw.
 */
class SecurityHeadersHandlerTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger reachedTheApp = new AtomicInteger();
    private Server server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new SecurityHeadersHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                reachedTheApp.incrementAndGet();
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=31536000");
                response.getHeaders().put("X-Frame-Options", "SAMEORIGIN");
                response.getHeaders().add("X-App", "yes");
                response.setStatus(200);
                callback.succeeded();
                return true;
            }
        }));
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void every_response_forbids_framing_sniffing_referrers_and_device_features_the_app_cannot_weaken_it() throws Exception {
        for (String path : new String[] {"/", "/agency/ledger", "/?v-r=uidl&v-uiId=0", "/styles/kiosk.css",
                "/VAADIN/build/bundle.js", "/VAADIN/dynamic/resource/0/abc/receipt.png"}) {
            HttpResponse<String> r = get(path);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'"), path + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), path);
            assertTrue(r.headers().firstValue("Permissions-Policy").orElse("").contains("camera=(self)"), path);
            assertEquals("yes", r.headers().firstValue("X-App").orElse(""), "the app's own headers pass: " + path);
        }
    }

    @Test
    void pages_uidl_and_dynamic_resources_are_no_store_and_static_files_keep_their_caching() throws Exception {
        for (String path : new String[] {"/", "/status", "/?v-r=uidl&v-uiId=0", "/?v-r=heartbeat",
                "/VAADIN/dynamic/resource/0/abc/receipt.png", "/VAADIN/dynamic/resource/1/def/ledger-2026.csv"}) {
            assertEquals("no-store", get(path).headers().allValues("Cache-Control").stream()
                    .reduce((a, b) -> a + "," + b).orElse(""), path);
        }
        for (String path : new String[] {"/VAADIN/build/bundle.js", "/styles/kiosk.css", "/icons/icon.svg"}) {
            assertEquals("public, max-age=31536000", get(path).headers().firstValue("Cache-Control").orElse(""), path);
        }
    }

    @Test
    void a_state_changing_request_from_another_origin_is_refused_before_it_reaches_the_app() throws Exception {
        assertEquals(403, post("/?v-r=uidl&v-uiId=0", "http://evil.example").statusCode());
        assertEquals(403, post("/upload", "null").statusCode(), "a sandboxed or data: page sends Origin: null");
        HttpResponse<String> crossSite = client.send(HttpRequest.newBuilder(URI.create(base + "/x"))
                .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSite.statusCode());
        assertEquals(0, reachedTheApp.get());

        assertEquals(200, post("/?v-r=uidl&v-uiId=0", base).statusCode(), "the page's own origin");
        assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(base + "/x"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode(), "no Origin: not a browser's cross-site request (curl, the watchdog)");
        assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(base + "/")).header("Origin",
                "http://evil.example").build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "a cross-origin GET changes nothing and may load");
    }

    @Test
    void a_websocket_upgrade_from_another_origin_is_refused() throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", URI.create(base).getPort())) {
            socket.getOutputStream().write(("GET /?v-r=push HTTP/1.1\r\nHost: " + URI.create(base).getAuthority()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: http://evil.example\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertTrue(status.startsWith("HTTP/1.1 403"), status);
        }
        assertEquals(0, reachedTheApp.get());
    }

    @Test
    void only_versioned_bundles_and_plain_asset_files_count_as_static() {
        assertTrue(SecurityHeadersHandler.isStaticFile("/VAADIN/build/indexhtml-abc.js", null));
        assertTrue(SecurityHeadersHandler.isStaticFile("/styles/kiosk.css", null));
        assertFalse(SecurityHeadersHandler.isStaticFile("/VAADIN/dynamic/resource/0/k/receipt.png", null));
        assertFalse(SecurityHeadersHandler.isStaticFile("/", "v-r=uidl&v-uiId=0"));
        assertFalse(SecurityHeadersHandler.isStaticFile("/status", null));
        assertFalse(SecurityHeadersHandler.isStaticFile("/agency/ledger", null));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String origin) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
