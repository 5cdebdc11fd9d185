package org.onetrip.kiosk.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.onetrip.provisioning.bundle.ProvisioningQr;
import org.onetrip.provisioning.bundle.StaffQr;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.uplink.Sm2;

/**
 * Demo mode's own county administrator, so that what the county signs can be tried on the demo: a technician's QR
 * and a staff badge's QR. The first time it signs (not at start: no key work on the way to the first screen) it makes
 * a key pair, writes the public key where a provisioned terminal keeps its county's
 * ({@code config/trusted/county.pub.pem}) with the demo terminal's configuration, and keeps the private key in
 * {@code demo/county-demo-key.pem} (owner-only); later it reads that key. Only demo mode makes one; a provisioned
 * terminal never holds a county's private key.
 */
public final class DemoCounty {
    private final Path dataDir;
    private final TerminalConfig terminal;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private PrivateKey key;

    private DemoCounty(Path dataDir, TerminalConfig terminal, Clock clock) {
        this.dataDir = dataDir;
        this.terminal = terminal;
        this.clock = clock;
    }

    /**
     * The demo's county for {@code dataDir} (its files are made when it first signs); none when a real county's key is
     * there already (a demo folder a county provisioned), which is never replaced.
     */
    public static Optional<DemoCounty> at(Path dataDir, TerminalConfig terminal, Clock clock) {
        if (Files.isRegularFile(new TerminalFiles(dataDir).countyKey()) && !Files.isRegularFile(privateKey(dataDir))) {
            return Optional.empty();
        }
        return Optional.of(new DemoCounty(dataDir, terminal, clock));
    }

    private static Path privateKey(Path dataDir) {
        return dataDir.resolve("demo").resolve("county-demo-key.pem");
    }

    /** The private key: made with the county's files the first time, read from {@code demo/} after a restart. */
    private synchronized PrivateKey key() {
        if (key == null) {
            key = provision();
        }
        return key;
    }

    private PrivateKey provision() {
        TerminalFiles files = new TerminalFiles(dataDir);
        Path privateKey = privateKey(dataDir);
        try {
            if (!Files.isRegularFile(privateKey) || !Files.isRegularFile(files.countyKey())) {
                KeyPair pair = Sm2.generateKeyPair();
                Files.createDirectories(privateKey.getParent());
                Files.deleteIfExists(privateKey);
                Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                Files.writeString(privateKey, Sm2.privateKeyPem(pair.getPrivate()), StandardCharsets.US_ASCII);
                Files.createDirectories(files.countyKey().getParent());
                Files.writeString(files.countyKey(), Sm2.publicKeyPem(pair.getPublic()), StandardCharsets.US_ASCII);
            }
            if (!Files.isRegularFile(files.terminalProperties())) {
                TerminalFiles.writeProperties(files.terminalProperties(), TerminalFiles.toProperties(terminal),
                        "the demo terminal (demo mode)");
            }
            return Sm2.parsePrivateKey(Files.readString(privateKey, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("demo county[" + privateKey + "]: " + e.getMessage(), e);
        }
    }

    /** A technician's QR for the demo terminal, valid for 8 hours, as the county would print it. */
    public String technicianQr() {
        PrivateKey county = key();
        Instant now = clock.instant();
        return new ProvisioningQr("technician", terminal.terminalId(), terminal.region().code(),
                terminal.uplink() == null ? "" : terminal.uplink().toString(),
                "", now, now.plus(Duration.ofHours(8)), nonce()).sign(county);
    }

    /** The QR on the badge of the staff member with card number {@code staffId}, valid for 180 days. */
    public String staffQr(String staffId) {
        PrivateKey county = key();
        Instant now = clock.instant();
        return new StaffQr(staffId, now, now.plus(Duration.ofDays(180)), nonce()).sign(county);
    }

    private String nonce() {
        byte[] n = new byte[8];
        random.nextBytes(n);
        return HexFormat.of().formatHex(n);
    }
}
