package org.onetrip.provisioning.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.onetrip.provisioning.config.ConfigurationException;
import org.onetrip.provisioning.config.CountyTerminals;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.catalog.CatalogBundle;
import org.onetrip.store.catalog.CatalogException;
import org.onetrip.store.region.Divisions;
import org.onetrip.store.uplink.CryptoException;
import org.onetrip.store.uplink.Sm2;

/**
 * Applies a provisioning bundle to a terminal's {@code config/} directory: everything is verified first (bundle
 * signature, terminal, expiry, configuration, region, catalog signature), then the new directory is staged beside
 * the old one and swapped in by two renames; if anything fails after the first rename, the old directory is put
 * back. A crash between the renames is repaired by {@link #recover()} on the next run.
 */
public final class BundleInstaller {
    private final TerminalFiles files;
    private final Divisions divisions;
    private final Clock clock;
    /** Runs after the swap, before the commit; tests use it to fail there. */
    Runnable afterSwap = () -> { };

    public BundleInstaller(TerminalFiles files, Divisions divisions, Clock clock) {
        this.files = files;
        this.divisions = divisions;
        this.clock = clock;
    }

    private Path staging() { return files.dataDir().resolve("config.new"); }
    private Path previous() { return files.dataDir().resolve("config.old"); }

    /** Puts back the previous configuration if a run stopped between the two renames; removes leftovers. */
    public void recover() {
        try {
            if (!Files.exists(files.config()) && Files.isDirectory(previous())) {
                Files.move(previous(), files.config(), StandardCopyOption.ATOMIC_MOVE);
            }
            deleteTree(staging());
            deleteTree(previous());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair " + files.config(), e);
        }
    }

    /** Verifies and applies {@code bundle}; on any failure the terminal's configuration is as it was. */
    public ProvisioningBundle.Contents apply(ProvisioningBundle bundle) {
        recover();
        TerminalConfig current = files.readConfig();
        PublicKey county = readKey(files.countyKey(), "the county administrator's key (" + files.countyKey()
                + "): enroll with --county-key FILE");
        ProvisioningBundle.Contents c = bundle.verify(county, current.terminalId(), clock.instant());
        List<String> problems = divisions.problems(c.config().region().toString());
        if (!problems.isEmpty()) {
            throw new BundleException("bundle region " + c.config().region() + ": " + String.join("; ", problems));
        }
        String authorityPem = c.trustedKeys().get("catalog-authority");
        PublicKey authority = authorityPem != null ? Sm2.parsePublicKey(authorityPem)
                : readKey(files.trusted().resolve(TerminalFiles.CATALOG_AUTHORITY_KEY),
                "no catalog-authority key in the bundle or on the terminal");
        try {
            CatalogBundle.fromEnvelope(c.catalogEnvelope()).verify(authority);
        } catch (CatalogException | CryptoException e) {
            throw new BundleException("bundle catalog refused: " + e.getMessage());
        }

        try {
            stage(c, bundle.sm3Hex());
        } catch (IOException | RuntimeException e) {
            deleteQuietly(staging());
            throw new BundleException("cannot stage the new configuration in " + staging() + ": " + e.getMessage()
                    + "; nothing was changed", e);
        }
        swap();
        return c;
    }

    private void stage(ProvisioningBundle.Contents c, String sm3) throws IOException {
        Path stage = staging();
        deleteTree(stage);
        Files.createDirectories(stage.resolve("trusted"));
        Path oldTrusted = files.trusted();
        if (Files.isDirectory(oldTrusted)) {
            try (Stream<Path> s = Files.walk(oldTrusted)) {
                for (Path p : s.filter(p -> !p.equals(oldTrusted)).toList()) {
                    Files.copy(p, stage.resolve("trusted").resolve(oldTrusted.relativize(p).toString()));
                }
            }
        }
        if (!c.countyTerminals().isEmpty()) { // the bundle's list replaces the installed one (a removed terminal goes)
            Path terminals = stage.resolve("trusted").resolve(files.countyTerminals().getFileName());
            deleteTree(terminals);
            CountyTerminals.write(c.countyTerminals(), terminals);
        }
        for (var e : c.trustedKeys().entrySet()) {
            String name = e.getKey().equals("county") ? TerminalFiles.COUNTY_KEY : e.getKey() + ".pub.pem";
            Files.writeString(stage.resolve("trusted").resolve(name), e.getValue(), StandardCharsets.US_ASCII,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        }
        Properties terminal = TerminalFiles.toProperties(c.config());
        keepLocalSettings(terminal, stage);
        TerminalFiles.writeProperties(stage.resolve("terminal.properties"), terminal,
                "OneTrip terminal configuration (from provisioning bundle " + c.bundleId() + ")");
        Files.write(stage.resolve("catalog.json"), c.catalogEnvelope());
        Files.writeString(stage.resolve("staff.json"), c.staffJson(), StandardCharsets.UTF_8);
        Properties applied = new Properties();
        applied.setProperty("bundle.id", c.bundleId());
        applied.setProperty("bundle.sm3", sm3);
        applied.setProperty("bundle.expires", c.expiresAt().toString());
        applied.setProperty("applied.at", clock.instant().toString());
        TerminalFiles.writeProperties(stage.resolve("applied.properties"), applied, "last applied bundle");
    }

    /**
     * What the technician set on this terminal and no bundle carries: LAN mode's {@code web.*} settings and its TLS
     * keystore ({@code tls/}; a private key never travels in a bundle).
     */
    private void keepLocalSettings(Properties terminal, Path stage) throws IOException {
        TerminalFiles.readProperties(files.terminalProperties()).ifPresent(old -> old.stringPropertyNames().stream()
                .filter(k -> k.startsWith("web."))
                .forEach(k -> terminal.setProperty(k, old.getProperty(k))));
        Path tls = files.lanKeystore().getParent();
        if (Files.isDirectory(tls)) {
            Files.createDirectories(stage.resolve("tls"));
            try (Stream<Path> s = Files.list(tls)) {
                for (Path p : s.toList()) {
                    Files.copy(p, stage.resolve("tls").resolve(p.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private void swap() {
        Path config = files.config();
        try {
            Files.move(config, previous(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(staging());
            throw new BundleException("cannot move " + config + " aside (" + e.getMessage() + "); nothing was changed");
        }
        try {
            Files.move(staging(), config, StandardCopyOption.ATOMIC_MOVE);
            afterSwap.run();
            TerminalFiles.readConfig(files.terminalProperties());
        } catch (IOException | RuntimeException e) {
            rollBack();
            throw new BundleException("applying the bundle failed (" + e.getMessage()
                    + "); the previous configuration was restored", e);
        }
        deleteQuietly(previous());
    }

    private void rollBack() {
        try {
            deleteTree(files.config());
            Files.move(previous(), files.config(), StandardCopyOption.ATOMIC_MOVE);
            deleteTree(staging());
        } catch (IOException e) {
            throw new UncheckedIOException("rollback failed: the previous configuration is in " + previous()
                    + "; run 'onetrip-provision status' to repair", e);
        }
    }

    private static PublicKey readKey(Path file, String what) {
        try {
            return Sm2.parsePublicKey(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ConfigurationException("missing " + what);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException ignored) {
            // a leftover is removed by recover() on the next run
        }
    }
}
