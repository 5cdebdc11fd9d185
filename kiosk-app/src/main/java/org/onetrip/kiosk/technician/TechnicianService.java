package org.onetrip.kiosk.technician;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import java.security.PublicKey;

import org.onetrip.provisioning.bundle.BundleException;
import org.onetrip.provisioning.bundle.ProvisioningQr;
import org.onetrip.provisioning.config.ConfigurationException;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.provisioning.selftest.Check;
import org.onetrip.provisioning.selftest.SelfTest;
import org.onetrip.store.sync.SyncEngine;
import org.onetrip.store.sync.SyncState;
import org.onetrip.store.uplink.CryptoException;
import org.onetrip.store.uplink.Sm2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What technician mode needs: the technician PIN check (salted SM3 from the provisioned staff roster; five
 * wrong PINs lock it for five minutes), the self-test, the log tail and the upload queue.
 *
 * <p>The roster ({@code config/staff.json}) lists {@code {"id", "role": "technician", "pinSalt", "pinSm3"}} with
 * {@code pinSm3 = SM3(pinSalt + PIN)} in hex. A terminal without a roster (demo mode, not yet provisioned) takes
 * {@link #DEMO_PIN}.
 *
 * <p>A technician QR signed by the county ({@link #checkQr}) scanned on the home or scan screen opens the PIN page.
 */
public final class TechnicianService {
    private static final Logger log = LoggerFactory.getLogger(TechnicianService.class);
    public static final String DEMO_PIN = "2468";
    static final int MAX_ATTEMPTS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(5);

    private final TerminalFiles files;
    private final Clock clock;
    private final SyncEngine sync;
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    public TechnicianService(Path dataDir, Clock clock, SyncEngine sync) {
        this.files = new TerminalFiles(dataDir);
        this.clock = clock;
        this.sync = sync;
    }

    public enum PinResult { ACCEPTED, WRONG, LOCKED }

    public synchronized PinResult checkPin(String pin) {
        Instant now = clock.instant();
        if (now.isBefore(lockedUntil)) {
            return PinResult.LOCKED;
        }
        if (pin != null && matches(pin.strip())) {
            failures = 0;
            return PinResult.ACCEPTED;
        }
        if (++failures >= MAX_ATTEMPTS) {
            failures = 0;
            lockedUntil = now.plus(LOCKOUT);
            return PinResult.LOCKED;
        }
        return PinResult.WRONG;
    }

    private boolean matches(String pin) {
        if (!Files.isRegularFile(files.staff())) {
            return DEMO_PIN.equals(pin);
        }
        try {
            JsonNode roster = JsonMapper.builder().build().readTree(Files.readString(files.staff(),
                    StandardCharsets.UTF_8));
            for (JsonNode staff : roster) {
                if ("technician".equals(staff.path("role").asString("")) && !staff.path("pinSm3").isMissingNode()) {
                    String digest = Sm2.sm3Hex((staff.path("pinSalt").asString("") + pin)
                            .getBytes(StandardCharsets.UTF_8));
                    if (java.security.MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
                            staff.path("pinSm3").asString("").getBytes(StandardCharsets.US_ASCII))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What a scanned technician QR ({@code onetrip-provision qr}) leads to. */
    public sealed interface QrCheck {
        /** Genuine, for this terminal, in time: the PIN page opens and shows it. */
        record Accepted(ProvisioningQr qr) implements QrCheck {
        }

        /**
         * Refused; {@code messageKey} is the plain sentence for the screen, {@code reason} the detail for the log
         * (never the QR's text).
         */
        record Refused(String messageKey, String reason) implements QrCheck {
        }
    }

    /**
     * Verifies a scanned technician QR against the county administrator's key this terminal trusts, its terminal id
     * and the clock. It opens the way to the PIN, never past it: the QR holds no secret and proves only that the
     * county sent a technician here, until it expires.
     */
    public QrCheck checkQr(String text) {
        if (!Files.isRegularFile(files.countyKey()) || !Files.isRegularFile(files.terminalProperties())) {
            return refused("technician.qr-not-provisioned", "no county key or terminal configuration yet");
        }
        try {
            PublicKey county = Sm2.parsePublicKey(Files.readString(files.countyKey(), StandardCharsets.US_ASCII));
            ProvisioningQr qr = ProvisioningQr.verify(text, county, files.readConfig().terminalId(), clock.instant());
            if (!"technician".equals(qr.purpose())) {
                return refused("technician.qr-refused", "purpose " + qr.purpose());
            }
            log.info("technician QR accepted: terminal {}, expires {}", qr.terminalId(), qr.expiresAt());
            return new QrCheck.Accepted(qr);
        } catch (ProvisioningQr.Expired e) {
            return refused("technician.qr-expired", e.getMessage());
        } catch (BundleException | CryptoException | ConfigurationException e) {
            return refused("technician.qr-refused", e.getMessage());
        } catch (IOException e) {
            return refused("technician.qr-refused", "county key unreadable: " + e.getMessage());
        }
    }

    private static QrCheck refused(String key, String reason) {
        log.warn("technician QR refused: {}", reason);
        return new QrCheck.Refused(key, reason);
    }

    /** The self-test without the slow or visible parts (no test page, no scan wait, no panel show). */
    public List<Check> selfTest() {
        return new SelfTest(files, clock).run(new SelfTest.Options(false, false, 0, false));
    }

    public SyncState queue() {
        return sync.state();
    }

    /** The last {@code lines} lines of the newest log file, or nothing. */
    public List<String> logTail(int lines) {
        if (!Files.isDirectory(files.logs())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(files.logs())) {
            var newest = s.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()));
            if (newest.isEmpty()) {
                return List.of();
            }
            List<String> all = Files.readAllLines(newest.get(), StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("(log cannot be read: " + e.getMessage() + ")");
        }
    }
}
