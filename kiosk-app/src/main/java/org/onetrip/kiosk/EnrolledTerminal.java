package org.onetrip.kiosk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.onetrip.hardware.config.DeviceConfig;
import org.onetrip.hardware.config.DeviceConfigException;
import org.onetrip.hardware.printer.PrinterConfig;
import org.onetrip.hardware.printer.PrinterConfigException;
import org.onetrip.provisioning.config.ConfigurationException;
import org.onetrip.provisioning.config.CountyTerminals;
import org.onetrip.provisioning.config.LanSettings;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.catalog.CatalogBundle;
import org.onetrip.store.catalog.CatalogException;
import org.onetrip.store.uplink.CryptoException;
import org.onetrip.store.uplink.Sm2;

/**
 * Reads a production terminal's setup from what {@code onetrip-provision enroll} and {@code apply} wrote under the
 * data directory ({@link TerminalFiles}), checking each file in the order a technician creates them, so the first
 * problem reported is the next step to take. Every refusal is one line: the file, the setting, the fix.
 */
public final class EnrolledTerminal {
    /** Retries after a failed upload are spaced from this; a new submission wakes the sync engine at once. */
    public static final Duration SYNC_INTERVAL = Duration.ofSeconds(15);
    static final String ENROLL = "run 'sudo -u onetrip onetrip-provision enroll' (docs/operations.md)";
    static final String APPLY = "run 'sudo -u onetrip onetrip-provision apply BUNDLE' with the county's bundle";
    static final String DEVICES = "write it after 'onetrip-provision detect' (keys in docs/hardware.md)";

    private final TerminalFiles files;

    public EnrolledTerminal(Path dataDir) {
        this.files = new TerminalFiles(dataDir);
    }

    /** The setup to start with on {@code host:port}; fails with {@link TerminalSetupException} on the first gap. */
    public KioskSetup setup(String host, int port) {
        TerminalConfig terminal = terminal();
        PublicKey authority = catalogAuthority();
        CatalogBundle catalog = catalog(authority);
        countyTerminals();
        Properties devices = devicesFile();
        return new KioskSetup(host, port, files.dataDir(), terminal, devices(devices), printer(devices), catalog,
                authority, new KioskSetup.Platform.Remote(terminal.uplink()), SYNC_INTERVAL, null, lan(port));
    }

    /** LAN mode, when terminal.properties switches it on: then its allow-list and keystore must be right. */
    private Optional<LanSettings> lan(int port) {
        Path file = files.terminalProperties();
        try {
            Optional<LanSettings> lan = LanSettings.fromProperties(TerminalFiles.readProperties(file).orElseThrow(),
                    files);
            if (lan.isPresent() && lan.get().port() == port && port != 0) {
                throw new ConfigurationException(LanSettings.PORT + "=" + port + " is the loopback port too: choose"
                        + " another (default " + LanSettings.DEFAULT_PORT + ")");
            }
            return lan;
        } catch (ConfigurationException e) {
            throw new TerminalSetupException(file + ": " + e.getMessage() + " (LAN mode: docs/operations.md#lan-mode)");
        }
    }

    private TerminalConfig terminal() {
        Path file = files.terminalProperties();
        if (!Files.isRegularFile(file)) {
            throw new TerminalSetupException(file + " is missing: this terminal is not enrolled; " + ENROLL);
        }
        TerminalConfig config;
        try {
            config = files.readConfig();
        } catch (ConfigurationException e) {
            throw new TerminalSetupException(file + ": " + e.getMessage() + "; correct it with 'sudo -u onetrip"
                    + " onetrip-provision enroll --force …' or " + APPLY);
        }
        if (config.uplink() == null) {
            throw new TerminalSetupException(file + ": uplink.url is empty: a production terminal needs the"
                    + " platform's address; run 'sudo -u onetrip onetrip-provision enroll --uplink URL --force …'");
        }
        for (String name : new String[] {"terminal-key.pem", "terminal-key.pub.pem"}) {
            Path key = files.keys().resolve(name);
            if (!Files.isRegularFile(key)) {
                throw new TerminalSetupException(key + " is missing: the terminal's key pair is incomplete; " + ENROLL
                        + " (a terminal whose private key is lost must be enrolled again and registered anew)");
            }
        }
        return config;
    }

    private PublicKey catalogAuthority() {
        Path file = files.trusted().resolve(TerminalFiles.CATALOG_AUTHORITY_KEY);
        if (!Files.isRegularFile(file)) {
            throw new TerminalSetupException(file + " is missing: no trusted catalog authority yet; " + APPLY);
        }
        try {
            return Sm2.parsePublicKey(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException | CryptoException e) {
            throw new TerminalSetupException(file + " is not an SM2 public key (" + e.getMessage() + "); " + APPLY);
        }
    }

    /** The county terminals' list may be absent (no courier to others yet), but a damaged one stops the start. */
    private void countyTerminals() {
        try {
            CountyTerminals.read(files.countyTerminals());
        } catch (ConfigurationException e) {
            throw new TerminalSetupException(e.getMessage() + "; or " + APPLY);
        }
    }

    private CatalogBundle catalog(PublicKey authority) {
        Path file = files.catalog();
        if (!Files.isRegularFile(file)) {
            throw new TerminalSetupException(file + " is missing: no catalog yet; " + APPLY);
        }
        try {
            CatalogBundle bundle = CatalogBundle.read(file);
            bundle.checkSignature(authority); // parsed later, when the catalog is first needed
            return bundle;
        } catch (CatalogException | CryptoException e) {
            throw new TerminalSetupException(file + " is refused (" + e.getMessage() + "): it must be signed by the"
                    + " key in " + files.trusted().resolve(TerminalFiles.CATALOG_AUTHORITY_KEY) + "; " + APPLY);
        }
    }

    private Properties devicesFile() {
        Path file = files.devices();
        if (!Files.isRegularFile(file)) {
            throw new TerminalSetupException(file + " is missing: the terminal's reader, scanner, panel and printer"
                    + " are not configured; " + DEVICES);
        }
        return TerminalFiles.readProperties(file).orElseThrow();
    }

    private DeviceConfig devices(Properties all) {
        Properties devices = new Properties();
        all.stringPropertyNames().stream().filter(k -> !k.startsWith("printer."))
                .forEach(k -> devices.setProperty(k, all.getProperty(k)));
        try {
            return DeviceConfig.fromProperties(devices);
        } catch (DeviceConfigException e) {
            throw new TerminalSetupException(files.devices() + ": " + e.getMessage());
        }
    }

    private PrinterConfig printer(Properties all) {
        Map<String, String> printer = new HashMap<>();
        all.stringPropertyNames().stream().filter(k -> k.startsWith("printer."))
                .forEach(k -> printer.put(k, all.getProperty(k)));
        try {
            return PrinterConfig.fromProperties(printer).validate();
        } catch (PrinterConfigException e) {
            throw new TerminalSetupException(files.devices() + ": " + e.getMessage() + " (printer.* keys:"
                    + " docs/hardware.md)");
        }
    }
}
