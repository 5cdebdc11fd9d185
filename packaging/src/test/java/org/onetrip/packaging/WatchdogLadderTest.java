package org.onetrip.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The packaged {@code onetrip-watchdog} script against a real loopback HTTP server that plays the app's
 * {@code /health} and Chromium's DevTools page list, with a recording {@code systemctl}.
 */
class WatchdogLadderTest {
    @TempDir
    Path dir;
    HttpServer server;
    final AtomicBoolean appHealthy = new AtomicBoolean(true);
    final AtomicBoolean pageRendered = new AtomicBoolean(true);
    final List<String> devtoolsCalls = new CopyOnWriteArrayList<>();
    Path systemctlLog;
    String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        server.createContext("/health", ex -> reply(ex, appHealthy.get() ? 200 : 503, "{\"status\":\"ok\"}"));
        server.createContext("/json", ex -> {
            devtoolsCalls.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            String page = pageRendered.get()
                    ? "{\"id\": \"A1\", \"title\": \"一网通办\", \"type\": \"page\", \"url\": \"" + url + "\"}"
                    : "{\"id\": \"B2\", \"title\": \"\", \"type\": \"page\", \"url\": \"chrome-error://chromewebdata/\"}";
            reply(ex, 200, "[ " + page + " ]");
        });
        server.start();
        systemctlLog = dir.resolve("systemctl.log");
        Path fake = dir.resolve("systemctl");
        Files.writeString(fake, "#!/bin/sh\necho \"$*\" >> " + systemctlLog + "\n");
        fake.toFile().setExecutable(true);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private String watchdog() throws Exception {
        return watchdog(Map.of());
    }

    private String watchdog(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", Path.of("src/deb/bin/onetrip-watchdog").toAbsolutePath().toString());
        pb.environment().remove("ONETRIP_DATA_DIR");
        pb.environment().putAll(env);
        pb.environment().put("ONETRIP_URL", url);
        pb.environment().put("ONETRIP_DEVTOOLS", url.substring(0, url.length() - 1));
        pb.environment().put("ONETRIP_WATCHDOG_STATE", dir.resolve("state").toString());
        pb.environment().put("ONETRIP_SYSTEMCTL", dir.resolve("systemctl").toString());
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private String systemctl() throws IOException {
        return Files.exists(systemctlLog) ? Files.readString(systemctlLog) : "";
    }

    @Test
    void a_healthy_app_with_the_page_rendered_needs_nothing() throws Exception {
        assertEquals("", watchdog());
        assertEquals("", systemctl());
        assertEquals("0", Files.readString(dir.resolve("state/failures")).strip());
    }

    @Test
    void a_terminal_not_yet_provisioned_is_left_alone_while_the_technician_enrols_it() throws Exception {
        pageRendered.set(false);
        Path data = Files.createDirectories(dir.resolve("var-lib-onetrip"));
        for (int i = 0; i < 6; i++) {
            assertEquals("", watchdog(Map.of("ONETRIP_DATA_DIR", data.toString())));
        }
        assertEquals("", systemctl(), "no restart and no reboot of a terminal without its configuration");

        Files.createDirectories(data.resolve("config"));
        Files.writeString(data.resolve("config/catalog.json"), "{}");
        assertTrue(watchdog(Map.of("ONETRIP_DATA_DIR", data.toString())).contains("step reload"),
                "a provisioned terminal is watched");
    }

    @Test
    void a_page_that_does_not_render_climbs_reload_then_restart_then_reboot() throws Exception {
        pageRendered.set(false);

        assertTrue(watchdog().contains("step reload (kiosk page not rendered, failure 1)"));
        assertTrue(devtoolsCalls.stream().anyMatch(c -> c.startsWith("PUT /json/new?" + url)), devtoolsCalls.toString());
        assertTrue(devtoolsCalls.contains("GET /json/close/B2"), devtoolsCalls.toString());
        assertEquals("", systemctl(), "no restart on the first failures");
        watchdog();

        assertTrue(watchdog().contains("step restart"));
        assertEquals("restart onetrip.service onetrip-kiosk.service\n", systemctl());
        watchdog();

        assertTrue(watchdog().contains("step reboot"));
        assertTrue(systemctl().endsWith("reboot\n"), systemctl());
    }

    @Test
    void an_app_that_stops_answering_is_named_and_a_healthy_check_resets_the_ladder() throws Exception {
        appHealthy.set(false);
        assertTrue(watchdog().contains("app /health does not answer"));
        watchdog();
        appHealthy.set(true);

        assertTrue(watchdog().contains("healthy again after 2 failed checks"));
        assertEquals("0", Files.readString(dir.resolve("state/failures")).strip());
        assertEquals("", systemctl());
    }
}
