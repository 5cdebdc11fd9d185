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
 * and a staff badge's QR. At the demo's first start it makes a key pair, writes the public key where a provisioned
 * terminal keeps its county's ({@code config/trusted/county.pub.pem}) with the demo terminal's configuration, and
 * keeps the private key in {@code demo/county-demo-key.pem} (owner-only). Only demo mode makes one; a provisioned
 * terminal never holds a county's private key.
 */
public final class DemoCounty {
    private final PrivateKey key;
    private final TerminalConfig terminal;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private DemoCounty(PrivateKey key, TerminalConfig terminal, Clock clock) {
        this.key = key;
        this.terminal = terminal;
        this.clock = clock;
    }

    /**
     * The demo's county in {@code dataDir}: made at the first start, read at the next ones; none when a real
     * county's key is there already (a demo folder a county provisioned), which is never replaced.
     */
    public static Optional<DemoCounty> provision(Path dataDir, TerminalConfig terminal, Clock clock) {
        TerminalFiles files = new TerminalFiles(dataDir);
        Path privateKey = dataDir.resolve("demo").resolve("county-demo-key.pem");
        if (Files.isRegularFile(files.countyKey()) && !Files.isRegularFile(privateKey)) {
            return Optional.empty();
        }
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
            return Optional.of(new DemoCounty(Sm2.parsePrivateKey(Files.readString(privateKey,
                    StandardCharsets.US_ASCII)), terminal, clock));
        } catch (IOException e) {
            throw new UncheckedIOException("demo county[" + privateKey + "]: " + e.getMessage(), e);
        }
    }

    /** A technician's QR for the demo terminal, valid for 8 hours, as the county would print it. */
    public String technicianQr() {
        Instant now = clock.instant();
        return new ProvisioningQr("technician", terminal.terminalId(), terminal.region().code(),
                terminal.uplink() == null ? "" : terminal.uplink().toString(),
                "", now, now.plus(Duration.ofHours(8)), nonce()).sign(key);
    }

    /** The QR on the badge of the staff member with card number {@code staffId}, valid for 180 days. */
    public String staffQr(String staffId) {
        Instant now = clock.instant();
        return new StaffQr(staffId, now, now.plus(Duration.ofDays(180)), nonce()).sign(key);
    }

    private String nonce() {
        byte[] n = new byte[8];
        random.nextBytes(n);
        return HexFormat.of().formatHex(n);
    }
}
