package org.onetrip.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.config.DeviceConfig;
import org.onetrip.hardware.idcard.sam.SerialIdCardReader;
import org.onetrip.hardware.panel.NoOpPanel;
import org.onetrip.hardware.panel.Panel;
import org.onetrip.hardware.panel.SimulatedPanel;
import org.onetrip.kiosk.demo.DemoControls;
import org.onetrip.kiosk.identify.CardTapService;
import org.onetrip.kiosk.scan.ScanService;

/** The composition root chooses real drivers or simulators once, from configuration. */
class KioskDevicesTest {
    @TempDir
    Path dir;

    @Test
    void demo_mode_uses_the_simulators_and_offers_their_knobs() {
        KioskApplication app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir),
                Clock.system(KioskApplication.CHINA));
        assertTrue(app.services().find(DemoControls.class).isPresent());
        assertTrue(app.services().find(ScanService.class).isPresent());
        assertInstanceOf(SimulatedPanel.class, app.services().find(Panel.class).orElseThrow());
        assertTrue(app.devices().simulatedScanner().isPresent());
    }

    @Test
    void configured_real_devices_are_used_without_knobs_and_an_absent_reader_is_a_fault_not_a_failed_start()
            throws Exception {
        Properties p = new Properties();
        p.setProperty("reader.path", dir.resolve("no-such-reader").toString());
        p.setProperty("panel", "none");
        KioskApplication app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir.resolve("data")),
                DeviceConfig.fromProperties(p), Clock.system(KioskApplication.CHINA));
        assertInstanceOf(SerialIdCardReader.class, app.devices().reader());
        assertInstanceOf(NoOpPanel.class, app.devices().panel());
        assertTrue(app.services().find(DemoControls.class).isEmpty(), "no demo knobs for a real reader");
        assertThrows(IllegalStateException.class, app::reader);

        // the devices alone (the whole kiosk's start is KioskApplicationTest's)
        for (var part : app.devices().parts()) {
            part.start();
        }
        try {
            assertTrue(app.devices().reader().isRunning());
            assertFalse(app.services().find(CardTapService.class).orElseThrow().readerWorks());
            assertTrue(Files.exists(dir.resolve("data/native/libjSerialComm.so"))
                    || System.getProperty("jSerialComm.library.path") != null);
        } finally {
            for (var part : app.devices().parts().reversed()) {
                part.stop();
            }
        }
        assertEquals(true, app.devices().reader().isStopped());
    }
}
