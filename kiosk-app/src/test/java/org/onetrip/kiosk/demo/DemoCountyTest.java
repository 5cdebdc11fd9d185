package org.onetrip.kiosk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.technician.TechnicianService;
import org.onetrip.provisioning.bundle.StaffQr;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.uplink.Sm2;

/** Demo mode's own county: its QRs pass the terminal's real checks; a real county's key is never replaced. */
class DemoCountyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void the_demo_county_signs_a_technician_qr_the_terminal_accepts_and_staff_badges_that_verify() throws Exception {
        DemoCounty county = DemoCounty.at(data, TerminalConfig.demo(), CLOCK).orElseThrow();
        String technicianQr = county.technicianQr(); // the first signature makes the county's files
        TerminalFiles files = new TerminalFiles(data);
        Path privateKey = data.resolve("demo").resolve("county-demo-key.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
        assertEquals(TerminalConfig.demo().terminalId(), files.readConfig().terminalId());

        TechnicianService technician = new TechnicianService(data, CLOCK, null);
        assertInstanceOf(TechnicianService.QrCheck.Accepted.class, technician.checkQr(technicianQr));
        StaffQr badge = StaffQr.verify(county.staffQr("34012119850415046x"),
                Sm2.parsePublicKey(Files.readString(files.countyKey())), CLOCK.instant());
        assertEquals("34012119850415046X", badge.staffId());

        // the next start reads the same county: what it signed before still verifies
        DemoCounty again = DemoCounty.at(data, TerminalConfig.demo(), CLOCK).orElseThrow();
        assertInstanceOf(TechnicianService.QrCheck.Accepted.class, technician.checkQr(again.technicianQr()));
    }

    @Test
    void a_folder_a_real_county_provisioned_keeps_its_key_and_gets_no_demo_county() throws Exception {
        TerminalFiles files = new TerminalFiles(data);
        KeyPair real = Sm2.generateKeyPair();
        Files.createDirectories(files.countyKey().getParent());
        Files.writeString(files.countyKey(), Sm2.publicKeyPem(real.getPublic()));

        assertTrue(DemoCounty.at(data, TerminalConfig.demo(), CLOCK).isEmpty());
        assertEquals(Sm2.publicKeyPem(real.getPublic()), Files.readString(files.countyKey()));
        assertTrue(Files.notExists(data.resolve("demo").resolve("county-demo-key.pem")));
    }
}
