package org.onetrip.provisioning.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.onetrip.store.catalog.RegionCode;

/**
 * Where a terminal keeps what provisioning writes, under its data directory ({@code /var/lib/onetrip} on a
 * packaged terminal):
 * <pre>
 *   keys/                      the SM2 key pair (private key owner-only; never in a bundle, QR or diagnostics)
 *     data-kek                 the key that wraps the store's data key (owner-only; docs/security.md); made at the
 *                              first start, never again: without it the residents' data in the store is unreadable
 *   config/                    everything a provisioning bundle controls, replaced as a whole by {@code apply}
 *     terminal.properties      terminal.id, site.name, site.type, region, uplink.url, resident.idle-timeout,
 *                              voice.prompts, retention.days
 *     trusted/county.pub.pem   the county administrator's key, which signs bundles and technician QRs
 *     trusted/catalog-authority.pub.pem   the catalog issuing authority's key
 *     trusted/terminals/&lt;id&gt;.pub.pem  the county terminals' public keys, for the USB courier ({@link CountyTerminals})
 *     catalog.json             the signed catalog bundle (envelope)
 *     staff.json               the staff roster (agency PINs as PBKDF2, technician PINs as salted SM3; store.staff.Roster)
 *     applied.properties       which bundle was applied, when
 *     tls/lan.p12 (+ .password) LAN mode's certificate and key ({@link LanSettings}); kept by {@code apply}
 *   devices.properties         hardware configuration (hardware-drivers' DeviceConfig)
 *   onetrip.db                 the offline store: queue, catalog, feedback (residents' data encrypted)
 *   attachments/               photographed and scanned materials, encrypted, named by their SHA-256
 *   logs/                      the app's logs
 * </pre>
 */
public record TerminalFiles(Path dataDir) {
    public static final String COUNTY_KEY = "county.pub.pem";
    public static final String CATALOG_AUTHORITY_KEY = "catalog-authority.pub.pem";

    public Path keys() { return dataDir.resolve("keys"); }
    public Path config() { return dataDir.resolve("config"); }
    public Path terminalProperties() { return config().resolve("terminal.properties"); }
    public Path trusted() { return config().resolve("trusted"); }
    public Path countyKey() { return trusted().resolve(COUNTY_KEY); }
    public Path countyTerminals() { return trusted().resolve("terminals"); }
    public Path catalog() { return config().resolve("catalog.json"); }
    public Path staff() { return config().resolve("staff.json"); }
    public Path applied() { return config().resolve("applied.properties"); }
    public Path lanKeystore() { return config().resolve("tls").resolve("lan.p12"); }
    public Path lanKeystorePassword() { return config().resolve("tls").resolve("lan.p12.password"); }
    public Path devices() { return dataDir.resolve("devices.properties"); }
    public Path database() { return dataDir.resolve("onetrip.db"); }
    public Path logs() { return dataDir.resolve("logs"); }

    public boolean enrolled() {
        return Files.isRegularFile(terminalProperties()) && Files.isRegularFile(keys().resolve("terminal-key.pem"));
    }

    /** Reads {@code terminal.properties}. */
    public TerminalConfig readConfig() {
        return readConfig(terminalProperties());
    }

    public static TerminalConfig readConfig(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigurationException("terminal configuration " + file + " cannot be read (" + e.getMessage()
                    + "): run 'onetrip-provision enroll' first");
        }
        return fromProperties(p).validate();
    }

    public static TerminalConfig fromProperties(Properties p) {
        String region = p.getProperty("region", "").strip();
        if (!region.matches("\\d{12}")) {
            throw new ConfigurationException("terminal configuration: region must be a 12-digit division code (got: "
                    + region + ")");
        }
        RegionCode regionCode;
        try {
            regionCode = RegionCode.of(region);
        } catch (IllegalArgumentException e) {
            // 12 digits that are no division code (found by ProvisioningBundleFuzzTest): named, not unchecked
            throw new ConfigurationException("terminal configuration: region " + region + " is not a division code: "
                    + e.getMessage());
        }
        TerminalConfig.SiteType type;
        try {
            type = siteType(p.getProperty("site.type", ""));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("terminal configuration: " + e.getMessage());
        }
        String uplink = p.getProperty("uplink.url", "").strip();
        long idle;
        try {
            idle = Long.parseLong(p.getProperty("resident.idle-timeout", "60").strip());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("terminal configuration: resident.idle-timeout must be seconds");
        }
        long retentionDays;
        try {
            retentionDays = Long.parseLong(p.getProperty("retention.days", "30").strip());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("terminal configuration: retention.days must be a number of days");
        }
        TerminalConfig.Voice voice;
        try {
            voice = TerminalConfig.Voice.parse(p.getProperty("voice.prompts", "elder"));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("terminal configuration: " + e.getMessage());
        }
        URI uplinkUri;
        try {
            uplinkUri = uplink.isEmpty() ? null : new URI(uplink);
        } catch (URISyntaxException e) {
            throw new ConfigurationException("terminal configuration: uplink.url is not a URL (got: " + uplink + ")");
        }
        return new TerminalConfig(p.getProperty("terminal.id"), p.getProperty("site.name"), type,
                regionCode, uplinkUri, Duration.ofSeconds(idle), voice, Duration.ofDays(retentionDays));
    }

    public static Properties toProperties(TerminalConfig c) {
        Properties p = new Properties();
        p.setProperty("terminal.id", c.terminalId());
        p.setProperty("site.name", c.siteName());
        p.setProperty("site.type", c.siteType().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        p.setProperty("region", c.region().toString());
        p.setProperty("uplink.url", c.uplink() == null ? "" : c.uplink().toString());
        p.setProperty("resident.idle-timeout", Long.toString(c.residentIdleTimeout().toSeconds()));
        p.setProperty("voice.prompts", c.voice().name().toLowerCase(Locale.ROOT));
        p.setProperty("retention.days", Long.toString(c.retention().toDays()));
        return p;
    }

    /** {@code kiosk}, {@code village-point} or {@code township-hall} (any case, '-' or '_'). */
    public static TerminalConfig.SiteType siteType(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (TerminalConfig.SiteType s : TerminalConfig.SiteType.values()) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("site.type must be kiosk, village-point or township-hall (got: " + text
                + ")");
    }

    /** Writes properties through a temporary file and an atomic rename. */
    public static void writeProperties(Path file, Properties p, String comment) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, comment);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Optional<Properties> readProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return Optional.of(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
