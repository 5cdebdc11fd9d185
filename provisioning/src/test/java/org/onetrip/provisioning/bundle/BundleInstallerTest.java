package org.onetrip.provisioning.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.catalog.CatalogBundle;
import org.onetrip.store.catalog.RegionCode;
import org.onetrip.store.region.DivisionFiles;
import org.onetrip.store.uplink.Sm2;

class BundleInstallerTest {
    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    @TempDir
    Path dir;
    final KeyPair county = Sm2.generateKeyPair();
    TerminalFiles files;
    TerminalConfig enrolled;

    @BeforeEach
    void enrol() throws Exception {
        files = new TerminalFiles(dir);
        enrolled = new TerminalConfig("ot-test-01", "旧站点", TerminalConfig.SiteType.VILLAGE_POINT,
                RegionCode.of("340121100004"), null, Duration.ofSeconds(60));
        TerminalFiles.writeProperties(files.terminalProperties(), TerminalFiles.toProperties(enrolled), null);
        Files.createDirectories(files.trusted());
        Files.writeString(files.countyKey(), Sm2.publicKeyPem(county.getPublic()));
    }

    private BundleInstaller installer() {
        return new BundleInstaller(files, DivisionFiles.shipped(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private ProvisioningBundle bundle(TerminalConfig config, byte[] catalog) {
        return ProvisioningBundle.sign(new ProvisioningBundle.Contents("b-1", "ot-test-01", NOW,
                NOW.plus(Duration.ofDays(1)), config, catalog, "[]",
                Map.of("catalog-authority", Sm2.publicKeyPem(CatalogBundle.demoAuthority()))), county.getPrivate());
    }

    private TerminalConfig renamed(String site, String region) {
        return new TerminalConfig("ot-test-01", site, TerminalConfig.SiteType.VILLAGE_POINT, RegionCode.of(region),
                null, Duration.ofSeconds(60));
    }

    @Test
    void a_failure_after_the_swap_rolls_back_to_the_previous_configuration() {
        BundleInstaller installer = installer();
        installer.afterSwap = () -> {
            throw new IllegalStateException("disk full");
        };

        var e = assertThrows(BundleException.class, () -> installer.apply(
                bundle(renamed("新站点", "340121100004"), CatalogBundle.resource("catalog-340121").toEnvelope())));

        assertTrue(e.getMessage().contains("previous configuration was restored"), e.getMessage());
        assertEquals("旧站点", files.readConfig().siteName());
        assertFalse(Files.exists(dir.resolve("config.old")));
        assertFalse(Files.exists(files.catalog()), "the new catalog is gone with the rest");
    }

    @Test
    void a_run_stopped_between_the_two_renames_is_repaired_on_the_next_run() throws Exception {
        Files.move(files.config(), dir.resolve("config.old"));

        installer().recover();

        assertEquals("旧站点", files.readConfig().siteName());
    }

    @Test
    void a_signed_bundle_with_a_region_not_in_the_division_files_is_refused_before_anything_changes() {
        var e = assertThrows(BundleException.class, () -> installer().apply(
                bundle(renamed("新站点", "340121999999"), CatalogBundle.resource("catalog-340121").toEnvelope())));

        assertTrue(e.getMessage().contains("340121999999"), e.getMessage());
        assertEquals("旧站点", files.readConfig().siteName());
    }

    @Test
    void a_signed_bundle_carrying_a_catalog_with_a_bad_signature_is_refused() {
        CatalogBundle shipped = CatalogBundle.resource("catalog-340121");
        byte[] payload = shipped.payload();
        payload[payload.length - 3] ^= 1;

        var e = assertThrows(BundleException.class, () -> installer().apply(bundle(renamed("新站点", "340121100004"),
                new CatalogBundle(payload, shipped.signature()).toEnvelope())));

        assertTrue(e.getMessage().contains("catalog refused"), e.getMessage());
        assertEquals("旧站点", files.readConfig().siteName());
    }
}
