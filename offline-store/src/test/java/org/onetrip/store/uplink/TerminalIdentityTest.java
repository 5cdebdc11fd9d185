package org.onetrip.store.uplink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalIdentityTest {
    private static final String DATE = "Mon, 2 Mar 2026 01:00:00 GMT";

    @TempDir
    Path directory;

    @Test
    void the_first_start_creates_a_private_key_only_its_owner_can_read() throws Exception {
        Path keys = directory.resolve("keys");

        TerminalIdentity identity = TerminalIdentity.loadOrCreate("T-1", keys);

        Path privateKey = keys.resolve("terminal-key.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
        assertTrue(Files.readString(privateKey).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(identity.publicKeyPem(), Files.readString(keys.resolve("terminal-key.pub.pem")));
        assertEquals("T-1", identity.terminalId());
        try (Stream<Path> files = Files.list(keys)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary file is left");
        }
    }

    @Test
    void a_later_start_loads_the_same_key_pair() {
        Path keys = directory.resolve("keys");
        TerminalIdentity first = TerminalIdentity.loadOrCreate("T-1", keys);

        TerminalIdentity again = TerminalIdentity.loadOrCreate("T-1", keys);

        assertArrayEquals(first.privateKey().getEncoded(), again.privateKey().getEncoded());
        assertArrayEquals(first.publicKey().getEncoded(), again.publicKey().getEncoded());
        String signature = RequestSignature.sign(again.privateKey(), "GET", "/api/v1/status", DATE, null);
        assertTrue(RequestSignature.verify(first.publicKey(), signature, "GET", "/api/v1/status", DATE, null));
    }

    @Test
    void the_loaded_private_key_belongs_to_the_loaded_public_key() {
        TerminalIdentity identity = TerminalIdentity.loadOrCreate("T-1", directory);

        String signature = RequestSignature.sign(identity.privateKey(), "POST", "/api/v1/heartbeat", DATE, new byte[] {1});

        assertTrue(RequestSignature.verify(Sm2.parsePublicKey(identity.publicKeyPem()), signature, "POST",
                "/api/v1/heartbeat", DATE, new byte[] {1}));
    }

    @Test
    void two_terminals_get_different_keys() {
        TerminalIdentity one = TerminalIdentity.loadOrCreate("T-1", directory.resolve("one"));
        TerminalIdentity two = TerminalIdentity.loadOrCreate("T-2", directory.resolve("two"));

        assertFalse(java.util.Arrays.equals(one.publicKey().getEncoded(), two.publicKey().getEncoded()));
    }

    @Test
    void a_pem_whose_end_line_overlaps_its_begin_line_is_not_a_key_rather_than_an_index_error() {
        // found by ProvisioningBundleFuzzTest (kept as crash-9d8a874b…): a trusted key in a bundle
        assertThrows(CryptoException.class,
                () -> Sm2.parsePublicKey("-----BEGIN PUBLIC KEY------END PUBLIC KEY-----\nMFkw"));
        assertThrows(CryptoException.class,
                () -> Sm2.parsePrivateKey("-----END PRIVATE KEY----- -----BEGIN PRIVATE KEY-----"));
    }
}
