package org.onetrip.store.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.testing.StoreFixture;
import org.onetrip.store.uplink.RequestSignature;
import org.onetrip.store.uplink.Sm2;
import org.onetrip.store.uplink.TerminalIdentity;

import com.sun.net.httpserver.HttpServer;

/** The catalog endpoint of the Intake API, against a real HTTP server on loopback. */
class UplinkCatalogSourceTest {
    @TempDir
    Path dir;
    private final TestAuthority authority = new TestAuthority();
    private final List<String> verified = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private byte[] body;
    private HttpServer server;
    private UplinkCatalogSource source;

    @BeforeEach
    void start() throws Exception {
        var keys = Sm2.generateKeyPair();
        TerminalIdentity id = new TerminalIdentity("T-1", keys.getPrivate(), keys.getPublic());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/catalog", exchange -> {
            String path = exchange.getRequestURI().toString();
            boolean ok = RequestSignature.verify(keys.getPublic(),
                    exchange.getRequestHeaders().getFirst(RequestSignature.SIGNATURE_HEADER), "GET", path,
                    exchange.getRequestHeaders().getFirst(RequestSignature.DATE_HEADER), new byte[0]);
            verified.add(path + (ok ? " signed" : " UNSIGNED"));
            int code = status.get();
            exchange.sendResponseHeaders(code, code == 204 ? -1 : body.length);
            if (code != 204) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        source = new UplinkCatalogSource(() -> URI.create("http://127.0.0.1:" + server.getAddress().getPort()), id,
                Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC));
        source.start();
    }

    @AfterEach
    void stop() throws Exception {
        source.stop();
        server.stop(0);
    }

    @Test
    void a_newer_bundle_from_the_platform_is_verified_and_imported_and_204_means_none() {
        body = authority.sign(TestAuthority.document("v2", "2026-02-01T00:00:00Z", "A:2")).toEnvelope();
        try (StoreFixture fx = new StoreFixture(dir.resolve("onetrip.db"))) {
            LiveCatalog live = new LiveCatalog(new Catalog("v1", List.of()), Synonyms.standard(),
                    new CatalogStore(fx.db, fx.audit, fx.clock), authority.keys.getPublic());

            assertTrue(live.update(source).isPresent());
            assertEquals("v2", live.catalog().version());
            assertEquals(List.of("/api/v1/catalog?since=v1 signed"), verified);

            status.set(204);
            assertTrue(live.update(source).isEmpty());
            assertEquals("/api/v1/catalog?since=v2 signed", verified.getLast());
        }
    }

    @Test
    void a_forged_bundle_from_the_platform_is_refused_and_the_catalog_stays() {
        body = new TestAuthority().sign(TestAuthority.document("v9", "2026-09-01T00:00:00Z", "X:1")).toEnvelope();
        try (StoreFixture fx = new StoreFixture(dir.resolve("onetrip.db"))) {
            LiveCatalog live = new LiveCatalog(new Catalog("v1", List.of()), Synonyms.standard(),
                    new CatalogStore(fx.db, fx.audit, fx.clock), authority.keys.getPublic());

            assertThrows(CatalogException.class, () -> live.update(source));
            assertEquals("v1", live.catalog().version());
            assertEquals(0, fx.count("catalog_bundle"));
        }
    }

    @Test
    void a_server_error_is_reported_for_a_later_retry() {
        status.set(503);
        body = new byte[0];
        var e = assertThrows(CatalogException.class, () -> source.newerThan("v1"));
        assertTrue(e.getMessage().contains("503"), e.getMessage());
    }
}
