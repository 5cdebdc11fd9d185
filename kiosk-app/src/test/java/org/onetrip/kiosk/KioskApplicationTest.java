package org.onetrip.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.web.PortInUseException;

/** Start and stop of the whole kiosk, and the two start failures a person must be told about in one line. */
class KioskApplicationTest {
    @TempDir
    Path dir;

    @Test
    void starts_serves_the_ui_and_stops_every_part() throws Exception {
        KioskApplication app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir), Clock.system(KioskApplication.CHINA));
        app.start();
        try {
            HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.uri()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, home.statusCode());
            assertTrue(Files.exists(dir.resolve("onetrip.db")), "the SQLite file is under the data directory");
            assertTrue(app.intake().isRunning());
        } finally {
            app.stop();
        }
        assertTrue(app.intake().isStopped());
        assertTrue(app.reader().isStopped());
    }

    @Test
    void a_port_in_use_is_named_and_nothing_is_left_running() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            KioskApplication app = KioskApplication.demo(
                    KioskApplication.DemoSettings.of(taken.getLocalPort(), dir), Clock.system(KioskApplication.CHINA));
            PortInUseException e = assertThrows(PortInUseException.class, app::start);
            assertTrue(e.getMessage().contains(":" + taken.getLocalPort()), e.getMessage());
            app.stop();
            assertTrue(app.intake().isStopped());
        }
    }

    @Test
    void a_data_directory_that_cannot_be_written_is_named() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        String problem = Main.prepareDataDir(file.resolve("onetrip"));
        assertNotNull(problem);
        assertTrue(problem.contains(file.resolve("onetrip").toString()) && problem.contains("--data-dir"), problem);
        assertNull(Main.prepareDataDir(dir.resolve("fine")));
    }

    @Test
    void the_demo_catalog_is_embedded_and_offers_items_of_every_level_down_to_the_village() {
        var catalog = KioskApplication.demoCatalog();
        var offered = catalog.offeredAt(org.onetrip.store.catalog.RegionCode.of("340121100004"));
        assertEquals(5, offered.stream().map(i -> i.level()).distinct().count());
        assertTrue(offered.getFirst().highFrequency(), "high-frequency items come first");
    }
}
