package org.onetrip.kiosk.agency.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.token.KeyId;
import org.onetrip.store.token.TrustList;
import org.onetrip.store.uplink.Sm2;

/** Which terminals' courier bundles a terminal imports: itself, plus the county terminals provisioning lists. */
class CourierTrustTest {
    @TempDir
    Path dir;
    private final PublicKey own = Sm2.generateKeyPair().getPublic();
    private final PublicKey neighbour = Sm2.generateKeyPair().getPublic();
    private final PublicKey stranger = Sm2.generateKeyPair().getPublic();

    @Test
    void without_a_provisioned_list_a_terminal_trusts_only_itself() {
        TrustList trust = AgencyBooks.courierTrust(own, dir.resolve("keys/courier-trusted"));
        assertTrue(trust.find(KeyId.of(own)).isPresent());
        assertFalse(trust.find(KeyId.of(neighbour)).isPresent());
    }

    @Test
    void each_pem_in_the_provisioned_directory_is_trusted_and_other_files_are_not_read() throws Exception {
        Files.writeString(dir.resolve("T-02.pem"), Sm2.publicKeyPem(neighbour));
        Files.writeString(dir.resolve("notes.txt"), Sm2.publicKeyPem(stranger));
        TrustList trust = AgencyBooks.courierTrust(own, dir);
        assertEquals(neighbour, trust.find(KeyId.of(neighbour)).orElseThrow());
        assertTrue(trust.find(KeyId.of(own)).isPresent());
        assertFalse(trust.find(KeyId.of(stranger)).isPresent());
    }

    @Test
    void a_damaged_key_file_is_named_in_the_error() throws Exception {
        Files.writeString(dir.resolve("T-03.pem"), "not a key");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AgencyBooks.courierTrust(own, dir));
        assertTrue(e.getMessage().contains("T-03.pem"), e.getMessage());
    }
}
