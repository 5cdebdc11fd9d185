package org.onetrip.store.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.submission.SubmissionDraft;
import org.onetrip.store.testing.StoreFixture;

class CatalogStoreTest {
    @TempDir
    Path dir;
    private StoreFixture fx;
    private CatalogStore catalogs;
    private final TestAuthority authority = new TestAuthority();

    @BeforeEach
    void open() {
        fx = new StoreFixture(dir.resolve("onetrip.db"));
        catalogs = new CatalogStore(fx.db, fx.audit, fx.clock);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private CatalogBundle v1() {
        return authority.sign(TestAuthority.document("v1", "2026-01-01T00:00:00Z", "A:1", "B:1", "C:1"));
    }

    @Test
    void a_verified_bundle_becomes_the_catalog_in_use_and_is_audited() {
        var result = catalogs.importBundle(v1(), authority.keys.getPublic());

        assertEquals(3, result.items());
        assertEquals("v1", catalogs.versionInUse().orElseThrow());
        assertEquals(3, catalogs.inUse(authority.keys.getPublic()).orElseThrow().items().size());
        assertEquals(1, fx.rows("SELECT * FROM audit_log WHERE action = 'catalog.import'").size());
    }

    @Test
    void a_bundle_with_a_bad_signature_is_refused_with_nothing_changed() {
        catalogs.importBundle(v1(), authority.keys.getPublic());
        List<Map<String, String>> itemsBefore = fx.rows("SELECT * FROM catalog_item ORDER BY task_code");
        List<Map<String, String>> bundlesBefore = fx.rows("SELECT version, in_use, payload_sm3 FROM catalog_bundle");
        int auditBefore = fx.count("audit_log");

        CatalogBundle forged = new TestAuthority().sign(
                TestAuthority.document("v2", "2026-02-01T00:00:00Z", "A:2", "D:1"));
        CatalogBundle good = authority.sign(TestAuthority.document("v2", "2026-02-01T00:00:00Z", "A:2", "D:1"));
        CatalogBundle tampered = new CatalogBundle(
                TestAuthority.document("v2", "2026-02-01T00:00:00Z", "A:2", "E:1").getBytes(), good.signature());

        for (CatalogBundle bad : List.of(forged, tampered)) {
            var e = assertThrows(CatalogException.class, () -> catalogs.importBundle(bad, authority.keys.getPublic()));
            assertTrue(e.getMessage().contains("signature"), e.getMessage());
        }
        assertEquals(itemsBefore, fx.rows("SELECT * FROM catalog_item ORDER BY task_code"));
        assertEquals(bundlesBefore, fx.rows("SELECT version, in_use, payload_sm3 FROM catalog_bundle"));
        assertEquals(auditBefore, fx.count("audit_log"));
        assertEquals("v1", catalogs.versionInUse().orElseThrow());
    }

    @Test
    void an_older_bundle_is_refused_and_the_same_one_again_changes_nothing() {
        catalogs.importBundle(authority.sign(TestAuthority.document("v2", "2026-02-01T00:00:00Z", "A:2")),
                authority.keys.getPublic());

        assertThrows(CatalogException.class, () -> catalogs.importBundle(v1(), authority.keys.getPublic()));
        var again = catalogs.importBundle(authority.sign(TestAuthority.document("v2", "2026-02-01T00:00:00Z", "A:2")),
                authority.keys.getPublic());

        assertTrue(again.unchanged());
        assertEquals("v2", catalogs.versionInUse().orElseThrow());
    }

    @Test
    void an_old_item_version_is_kept_while_a_sealed_submission_refers_to_it() {
        catalogs.importBundle(v1(), authority.keys.getPublic());
        fx.store.seal(new SubmissionDraft(UUID.randomUUID(), "A", "事项A", 1, "340121100004", "王秀兰",
                "340121194803120024", "王*兰 340121********0024", Map.of("phone", "13800000000"), "WINDOW",
                LocalDate.of(2026, 3, 9), List.of()));

        var result = catalogs.importBundle(
                authority.sign(TestAuthority.document("v2", "2026-02-01T00:00:00Z", "A:2", "D:1")),
                authority.keys.getPublic());

        assertEquals(1, result.keptForSubmissions(), "A v1 is named by a sealed submission");
        assertEquals(2, result.removed(), "B and C were dropped and nobody refers to them");
        assertTrue(catalogs.item("A", 1).isPresent());
        assertTrue(catalogs.item("A", 2).isPresent());
        assertFalse(catalogs.item("B", 1).isPresent());
        assertEquals(List.of("A", "D"), catalogs.inUse(authority.keys.getPublic()).orElseThrow().items().stream()
                .map(ServiceItem::taskCode).toList());
    }

    @Test
    void the_envelope_form_round_trips_and_a_live_catalog_swaps_to_the_new_bundle() throws Exception {
        LiveCatalog live = new LiveCatalog(new Catalog("none", List.of()), Synonyms.standard(), catalogs,
                authority.keys.getPublic());
        live.loadOrImport(CatalogBundle.fromEnvelope(v1().toEnvelope()));
        assertEquals("v1", live.catalog().version());

        CatalogBundle v2 = authority.sign(TestAuthority.document("v2", "2026-02-01T00:00:00Z", "A:2"));
        assertEquals(Optional.of("v1"), live.installedVersion(), "what the sync engine sends as since=");
        live.install(file(v2.toEnvelope()), Optional.of("v2"));

        assertEquals("v2", live.catalog().version());
        assertEquals(Optional.of("v2"), live.installedVersion());
        assertEquals(1, live.search().search("", RegionCode.of("340121100004"), null, 10).total());
    }

    @Test
    void a_forged_or_older_bundle_from_the_platform_is_refused_and_the_catalog_stays() throws Exception {
        LiveCatalog live = new LiveCatalog(new Catalog("none", List.of()), Synonyms.standard(), catalogs,
                authority.keys.getPublic());
        live.loadOrImport(v1());
        CatalogBundle forged = new TestAuthority().sign(TestAuthority.document("v9", "2026-09-01T00:00:00Z", "X:1"));
        CatalogBundle older = authority.sign(TestAuthority.document("v0", "2025-12-01T00:00:00Z", "Z:1"));

        assertThrows(CatalogException.class, () -> live.install(file(forged.toEnvelope()), Optional.of("v9")));
        assertThrows(CatalogException.class, () -> live.install(file(older.toEnvelope()), Optional.of("v0")));

        assertEquals("v1", live.catalog().version());
        assertEquals(1, fx.count("catalog_bundle"));
    }

    @Test
    void a_start_with_the_shipped_bundle_already_stored_uses_it_without_another_import() {
        CatalogBundle shipped = v1();
        new LiveCatalog(new Catalog("none", List.of()), Synonyms.standard(), catalogs, authority.keys.getPublic())
                .loadOrImport(shipped);
        int audited = fx.count("audit_log");
        CatalogBundle shippedAgain = CatalogBundle.fromEnvelope(shipped.toEnvelope()); // the same bytes, next start
        LiveCatalog restarted = new LiveCatalog(shippedAgain.verify(authority.keys.getPublic()), Synonyms.standard(),
                catalogs, authority.keys.getPublic());
        CatalogSearch index = restarted.search();

        restarted.loadOrImport(shippedAgain);

        assertEquals("v1", restarted.catalog().version());
        assertSame(index, restarted.search(), "the same catalog keeps the index built at construction");
        assertEquals(audited, fx.count("audit_log"), "nothing imported, nothing audited");
    }

    @Test
    void a_lazy_catalog_is_made_only_when_first_asked_for_or_not_at_all_when_the_start_loads_the_stored_one() {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        CatalogBundle shipped = v1();
        LiveCatalog lazy = new LiveCatalog(() -> {
            made.incrementAndGet();
            return shipped.verify(authority.keys.getPublic());
        }, Synonyms.standard(), catalogs, authority.keys.getPublic());
        assertEquals(0, made.get(), "nothing parsed at construction");

        assertEquals("v1", lazy.catalog().version());
        lazy.search();
        assertEquals(1, made.get(), "made once");

        LiveCatalog loadedFirst = new LiveCatalog(() -> {
            made.incrementAndGet();
            return new Catalog("never", List.of());
        }, Synonyms.standard(), catalogs, authority.keys.getPublic());
        loadedFirst.loadOrImport(shipped);
        assertEquals("v1", loadedFirst.catalog().version());
        assertEquals(1, made.get(), "the start's load came first: the initial one is never made");
    }

    private Path file(byte[] bytes) throws java.io.IOException {
        return Files.write(dir.resolve("download-" + UUID.randomUUID() + ".bundle"), bytes);
    }
}
