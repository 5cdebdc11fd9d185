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

import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.provisioning.selftest.Check;
import org.onetrip.provisioning.selftest.SelfTest;
import org.onetrip.store.sync.SyncEngine;
import org.onetrip.store.sync.SyncState;
import org.onetrip.store.uplink.Sm2;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What technician mode needs: the technician PIN check (salted SM3 from the provisioned staff roster; five
 * wrong PINs lock it for five minutes), the self-test, the log tail and the upload queue.
 *
 * <p>The roster ({@code config/staff.json}) lists {@code {"id", "role": "technician", "pinSalt", "pinSm3"}} with
 * {@code pinSm3 = SM3(pinSalt + PIN)} in hex. A terminal without a roster (demo mode, not yet provisioned) takes
 * {@link #DEMO_PIN}.
 */
public final class TechnicianService {
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
