package org.onetrip.kiosk.agency.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.courier.CourierException;
import org.onetrip.store.courier.CourierKeys;
import org.onetrip.store.token.KeyId;
import org.onetrip.store.uplink.Sm2;
import org.onetrip.store.uplink.TerminalIdentity;

/**
 * Whom a terminal's courier encrypts for and whose bundles it imports: itself, plus the county terminals in the
 * provisioned {@code config/trusted/terminals/} — read again each time, so a newly applied list counts at once.
 */
class CourierTrustTest {
    @TempDir
    Path dir;
    private final PublicKey neighbour = Sm2.generateKeyPair().getPublic();
    private final PublicKey stranger = Sm2.generateKeyPair().getPublic();

    private TerminalIdentity own() {
        return TerminalIdentity.loadOrCreate("T-01", dir.resolve("keys"));
    }

    @Test
    void without_a_provisioned_list_a_terminal_encrypts_for_and_trusts_only_itself() {
        CourierKeys keys = AgencyBooks.courierKeys(own(), dir.resolve("config/trusted/terminals"));
        assertEquals(List.of(own().publicKey()), keys.recipients());
        assertTrue(keys.trustedSigners().find(KeyId.of(own().publicKey())).isPresent());
        assertFalse(keys.trustedSigners().find(KeyId.of(neighbour)).isPresent());
    }

    @Test
    void each_terminal_key_in_the_provisioned_list_counts_as_soon_as_it_is_there_and_other_files_are_not_read()
            throws Exception {
        Path list = Files.createDirectories(dir.resolve("terminals"));
        CourierKeys keys = AgencyBooks.courierKeys(own(), list);
        assertEquals(1, keys.recipients().size());
        Files.writeString(list.resolve("T-02.pub.pem"), Sm2.publicKeyPem(neighbour));
        Files.writeString(list.resolve("notes.txt"), Sm2.publicKeyPem(stranger));
        assertEquals(List.of(own().publicKey(), neighbour), keys.recipients());
        assertTrue(keys.trustedSigners().find(KeyId.of(neighbour)).isPresent());
        assertFalse(keys.trustedSigners().find(KeyId.of(stranger)).isPresent());
    }

    @Test
    void a_damaged_key_file_is_named_when_the_courier_is_used() throws Exception {
        Path list = Files.createDirectories(dir.resolve("terminals"));
        Files.writeString(list.resolve("T-03.pub.pem"), "not a key");
        CourierException e = assertThrows(CourierException.class,
                () -> AgencyBooks.courierKeys(own(), list).recipients());
        assertTrue(e.getMessage().contains("T-03.pub.pem"), e.getMessage());
    }
}
