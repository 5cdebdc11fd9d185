package org.onetrip.provisioning.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.provisioning.bundle.BundleException;
import org.onetrip.provisioning.bundle.ProvisioningQr;
import org.onetrip.provisioning.bundle.StaffQr;
import org.onetrip.store.uplink.Sm2;

/** Staff badge QRs: county-signed, bound to the staff card, expiring, verified on any terminal of the county. */
class StaffQrCommandTest {
    static final String STAFF = "340121197809020135";
    @TempDir
    Path dir;
    Terminals t;

    @BeforeEach
    void setUp() throws Exception {
        t = new Terminals(dir);
        t.enroll("340121100004");
    }

    @Test
    void a_staff_qr_is_signed_for_the_staff_card_and_verifies_on_a_terminal_until_it_expires() {
        assertEquals(0, t.run("qr", "--key", t.countyPriv.toString(), "--staff-id", STAFF), t.err.toString());
        String text = t.out.toString().strip();
        assertTrue(text.startsWith(StaffQr.PREFIX), text);
        assertFalse(text.contains("PRIVATE") || t.err.toString().contains("PRIVATE"));
        StaffQr qr = StaffQr.verify(text, t.county.getPublic(), Terminals.NOW);
        assertEquals(STAFF, qr.staffId());
        assertEquals(Terminals.NOW.plus(Duration.ofDays(180)), qr.expiresAt(), "a badge lasts 180 days by default");

        assertEquals(0, t.run("qr", "--data-dir", t.dataDir.toString(), "--verify", text), t.err.toString());
        assertTrue(t.out.toString().contains("valid staff QR"), t.out.toString());
        assertEquals(1, t.run(Terminals.NOW.plus(Duration.ofDays(181)), "qr", "--data-dir", t.dataDir.toString(),
                "--verify", text));
        assertTrue(t.err.toString().contains("expired"), t.err.toString());
        assertThrows(ProvisioningQr.Expired.class,
                () -> StaffQr.verify(text, t.county.getPublic(), Terminals.NOW.plus(Duration.ofDays(181))));
    }

    @Test
    void a_forged_an_unsigned_or_a_technician_qr_is_not_a_staff_qr() {
        String forged = new StaffQr(STAFF, Terminals.NOW, Terminals.NOW.plusSeconds(60), "x")
                .sign(Sm2.generateKeyPair().getPrivate());
        assertThrows(BundleException.class, () -> StaffQr.verify(forged, t.county.getPublic(), Terminals.NOW));
        assertThrows(StaffQr.Unsigned.class,
                () -> StaffQr.verify("ONETRIP:STAFF:" + STAFF, t.county.getPublic(), Terminals.NOW));
        String technician = new ProvisioningQr("technician", "ot-test-01", "", "", "", Terminals.NOW,
                Terminals.NOW.plusSeconds(60), "y").sign(t.county.getPrivate());
        assertThrows(BundleException.class, () -> StaffQr.verify(technician, t.county.getPublic(), Terminals.NOW));
    }

    @Test
    void a_staff_qr_longer_than_a_year_is_not_made() {
        assertEquals(1, t.run("qr", "--key", t.countyPriv.toString(), "--staff-id", STAFF, "--valid", "P400D"));
        assertTrue(t.err.toString().contains("366 days"), t.err.toString());
    }
}
