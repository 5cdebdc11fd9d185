package org.onetrip.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.intake.harness.TerminalHarness;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.courier.CourierException;
import org.onetrip.store.courier.CourierKeys;
import org.onetrip.store.courier.CourierStore;
import org.onetrip.store.submission.SubmissionStatus;

/**
 * The USB courier end to end: terminal A (its link down) exports its pending submissions, terminal B imports the
 * bundle and uploads them, A's link returns and A uploads them too — and the platform holds each exactly once.
 */
class CourierRoundTripTest {
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9/");

    @TempDir
    Path dir;
    private RunningSimulator platform;
    private final AtomicReference<URI> linkOfA = new AtomicReference<>(NOWHERE);
    private TerminalHarness a;
    private TerminalHarness b;
    private CourierStore courierA;
    private CourierStore courierB;
    private Path usb;

    @BeforeEach
    void start() {
        platform = new RunningSimulator(dir.resolve("platform"));
        a = new TerminalHarness(dir.resolve("a"), "T-340121100004-01", platform.clock, linkOfA::get, 1);
        b = new TerminalHarness(dir.resolve("b"), "T-340121100004-02", platform.clock, platform.simulator::baseUri, 2);
        platform.simulator.enroll(a.identity.terminalId(), a.identity.publicKeyPem());
        platform.simulator.enroll(b.identity.terminalId(), b.identity.publicKeyPem());
        List<PublicKey> county = List.of(a.identity.publicKey(), b.identity.publicKey());
        courierA = courier(a, county);
        courierB = courier(b, county);
        usb = dir.resolve("media/usb0");
    }

    /** A terminal's courier with the county terminals' public keys as provisioning lists them; no shared key. */
    private CourierStore courier(TerminalHarness t, List<PublicKey> countyTerminals) {
        return new CourierStore(t.db, new AuditLog(platform.clock), t.store, CourierKeys.of(t.identity.privateKey(),
                t.identity.publicKey(), countyTerminals), platform.clock, UUID::randomUUID);
    }

    private static int submissionRows(TerminalHarness t) {
        return t.db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM submission")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        platform.close();
    }

    @Test
    void a_bundle_carried_from_an_offline_terminal_is_uploaded_by_another_and_stored_exactly_once() throws Exception {
        byte[] scan = "scanned 户口簿 page".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AttachmentRef page = a.store.attachments().stage(scan, "image/jpeg");
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        a.store.seal(TerminalHarness.draft(ids.get(0)).withAttachments(List.of(page)));
        a.store.seal(TerminalHarness.draft(ids.get(1)));
        a.store.seal(TerminalHarness.draft(ids.get(2)));
        a.sync.runOnce();
        assertEquals(3, a.outbox.pendingCount(), "A's link is down: nothing left");

        CourierStore.Exported exported = courierA.export(usb, "A-agent-01");
        assertEquals(3, exported.submissions());
        assertEquals(1, exported.attachments());
        assertEquals(3, a.outbox.pendingCount(), "A keeps them queued: it still uploads when its link returns");

        CourierStore.Imported imported = courierB.importBundle(exported.file(), "B-agent-07");
        assertEquals(3, imported.queued());
        assertEquals(a.identity.terminalId(), imported.originTerminal());
        b.sync.runOnce();
        assertEquals(0, b.outbox.pendingCount());
        for (UUID id : ids) {
            assertEquals(1, platform.simulator.storedCopiesOf(id), "stored once after B's upload");
            assertEquals(SubmissionStatus.SENT, b.store.find(id).orElseThrow().status());
        }

        linkOfA.set(platform.simulator.baseUri());
        a.sync.retryNow();
        a.sync.runOnce();
        assertEquals(0, a.outbox.pendingCount());
        for (UUID id : ids) {
            assertEquals(1, platform.simulator.storedCopiesOf(id), "A's own upload is deduplicated by the key");
            assertEquals(platform.simulator.projectNoOf(id).orElseThrow(),
                    a.store.find(id).orElseThrow().projectNo().orElseThrow(), "A learns the same 办件编号");
        }
        assertEquals(3, platform.simulator.storedSubmissionCount());
        assertArrayEquals(scan, b.store.attachments().read(page.sha256()),
                "the attachment travelled with its submission");
    }

    @Test
    void importing_the_same_bundle_twice_queues_nothing_more() {
        a.store.seal(TerminalHarness.draft(UUID.randomUUID()));
        Path file = courierA.export(usb, "A-agent-01").file();
        assertEquals(1, courierB.importBundle(file, "B-agent-07").queued());
        CourierStore.Imported again = courierB.importBundle(file, "B-agent-07");
        assertEquals(0, again.queued());
        assertEquals(1, again.alreadyHere());
        assertEquals(1, b.outbox.pendingCount());
    }

    @Test
    void a_tampered_bundle_is_refused_and_nothing_changes_at_the_importer() throws Exception {
        a.store.seal(TerminalHarness.draft(UUID.randomUUID()));
        Path file = courierA.export(usb, "A-agent-01").file();
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
        int at = text.indexOf("\"payload\":\"") + 40;
        bytes[at] = (byte) (bytes[at] == 'A' ? 'B' : 'A');
        Path tampered = usb.resolve("tampered.otc");
        Files.write(tampered, bytes);

        CourierException refused = assertThrows(CourierException.class, () -> courierB.importBundle(tampered, "B-7"));
        assertTrue(refused.getMessage().contains("signature does not match"), refused.getMessage());
        assertEquals(0, b.outbox.pendingCount(), "nothing queued");
        assertEquals(0, submissionRows(b), "no submission written");

        Path truncated = usb.resolve("truncated.otc");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(file), 200));
        CourierException damaged = assertThrows(CourierException.class, () -> courierB.importBundle(truncated, "B-7"));
        assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());
    }

    @Test
    void a_bundle_signed_by_a_terminal_not_on_the_county_list_is_refused_and_nothing_changes() {
        CourierStore trustsOnlyItself = courier(b, List.of());
        a.store.seal(TerminalHarness.draft(UUID.randomUUID()));
        Path file = courierA.export(usb, "A-agent-01").file();
        CourierException refused = assertThrows(CourierException.class,
                () -> trustsOnlyItself.importBundle(file, "B-7"));
        assertTrue(refused.getMessage().contains("does not trust"), refused.getMessage());
        assertEquals(0, b.outbox.pendingCount());
        assertEquals(0, submissionRows(b), "no submission written");
    }

    @Test
    void a_terminal_not_among_the_recipients_cannot_decrypt_even_if_it_trusts_the_signer() throws Exception {
        try (TerminalHarness outsider = new TerminalHarness(dir.resolve("x"), "T-340121100004-09", platform.clock,
                platform.simulator::baseUri, 9)) {
            CourierStore outsiderTrustingA = courier(outsider, List.of(a.identity.publicKey()));
            a.store.seal(TerminalHarness.draft(UUID.randomUUID()));
            Path file = courierA.export(usb, "A-agent-01").file();
            CourierException refused = assertThrows(CourierException.class,
                    () -> outsiderTrustingA.importBundle(file, "X-1"));
            assertTrue(refused.getMessage().contains("not encrypted for this terminal"), refused.getMessage());
            assertEquals(0, submissionRows(outsider), "no submission written");
            assertTrue(Files.readString(file).contains("\"format\":\"onetrip-courier/2\""));
            String text = Files.readString(file);
            assertFalse(text.contains("PRIVATE KEY"), "no key material travels in a bundle");
        }
    }

    @Test
    void a_bundle_for_three_county_terminals_imports_at_each_with_its_own_key() throws Exception {
        try (TerminalHarness c = new TerminalHarness(dir.resolve("c"), "T-340121100004-03", platform.clock,
                platform.simulator::baseUri, 3)) {
            List<PublicKey> three = List.of(a.identity.publicKey(), b.identity.publicKey(), c.identity.publicKey());
            CourierStore exporter = courier(a, three);
            UUID id = UUID.randomUUID();
            a.store.seal(TerminalHarness.draft(id));
            Path file = exporter.export(usb, "A-agent-01").file();
            assertEquals(1, courier(b, three).importBundle(file, "B-7").queued());
            assertEquals(1, courier(c, three).importBundle(file, "C-3").queued());
            CourierStore.Imported atA = exporter.importBundle(file, "A-agent-01");
            assertEquals(0, atA.queued());
            assertEquals(1, atA.alreadyHere(), "the exporter can read its own bundle and already has the case");
            assertTrue(b.store.find(id).isPresent());
            assertTrue(c.store.find(id).isPresent());
        }
    }

    @Test
    void a_bundle_in_the_old_shared_key_format_is_refused_with_a_clear_message() throws Exception {
        Path old = usb.resolve("old.otc");
        Files.createDirectories(usb);
        Files.writeString(old, "{\"format\":\"onetrip-courier/1\",\"header\":\"e30=\",\"payload\":\"\","
                + "\"signature\":\"\"}");
        CourierException refused = assertThrows(CourierException.class, () -> courierB.importBundle(old, "B-7"));
        assertTrue(refused.getMessage().contains("older OneTrip") && refused.getMessage().contains("export again"),
                refused.getMessage());
        assertEquals(0, submissionRows(b));
    }
}
