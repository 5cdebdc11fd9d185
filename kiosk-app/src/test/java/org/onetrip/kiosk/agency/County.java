package org.onetrip.kiosk.agency;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.onetrip.provisioning.bundle.BundleInstaller;
import org.onetrip.provisioning.bundle.ProvisioningBundle;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.catalog.CatalogBundle;
import org.onetrip.store.region.DivisionFiles;
import org.onetrip.store.uplink.Sm2;

/**
 * The county's side for browser tests: an administrator key and the real provisioning code (a signed bundle,
 * {@link BundleInstaller}) that gives each terminal the county terminals' list. Only public keys move between
 * terminals; each terminal's private key stays in its own data directory.
 */
final class County {
    private final KeyPair administrator = Sm2.generateKeyPair();
    private final Map<String, String> terminals = new TreeMap<>();

    /** Adds a terminal's public key (as its enrolment request carries it) to the county's list. */
    County terminal(String terminalId, PublicKey key) {
        terminals.put(terminalId, Sm2.publicKeyPem(key));
        return this;
    }

    /**
     * What {@code onetrip-provision enroll} leaves (configuration, the county key) unless already there, then a
     * bundle listing the county terminals, signed and applied as {@code apply} does.
     */
    void provision(Path dataDir, TerminalConfig config, Clock clock) throws Exception {
        TerminalFiles files = new TerminalFiles(dataDir);
        TerminalFiles.writeProperties(files.terminalProperties(), TerminalFiles.toProperties(config), "enrolled");
        Files.createDirectories(files.countyKey().getParent());
        Files.writeString(files.countyKey(), Sm2.publicKeyPem(administrator.getPublic()));
        Instant now = clock.instant();
        var contents = new ProvisioningBundle.Contents(UUID.randomUUID().toString(), config.terminalId(), now,
                now.plus(Duration.ofDays(1)), config, CatalogBundle.resource("catalog-340121").toEnvelope(), "[]",
                Map.of("catalog-authority", Sm2.publicKeyPem(CatalogBundle.demoAuthority())), terminals);
        new BundleInstaller(files, DivisionFiles.shipped(), clock).apply(
                ProvisioningBundle.sign(contents, administrator.getPrivate()));
    }
}
