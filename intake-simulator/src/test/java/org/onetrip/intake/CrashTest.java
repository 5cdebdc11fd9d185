package org.onetrip.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.intake.crash.CrashChild;
import org.onetrip.intake.fault.Faults;
import org.onetrip.intake.harness.TerminalHarness;
import org.onetrip.store.uplink.TerminalIdentity;

/**
 * Nothing a resident was told is submitted is lost or arrives twice, whatever moment the power goes: a child JVM
 * seals and syncs submissions against the simulator (commit-then-fail faults on: the platform stores, the answer
 * is lost) and is SIGKILLed at random moments, over and over, then restarted on the same files. After each kill
 * every submission whose seal had returned is in the store; at the end each is stored at the platform exactly
 * once, under the project number the terminal holds. About 30 s; {@code -Donetrip.longTests=true} runs 5 min.
 */
class CrashTest {
    private static final boolean LONG = Boolean.getBoolean("onetrip.longTests");
    private static final Duration KILLING = LONG ? Duration.ofMinutes(5) : Duration.ofSeconds(25);
    private static final int MIN_KILLS = 4;

    static {
        TerminalHarness.useLocalSqliteNatives();
    }

    @TempDir
    Path directory;

    @Test
    void sigkill_at_random_moments_loses_nothing_sealed_and_duplicates_nothing_at_the_platform() throws Exception {
        SplittableRandom random = new SplittableRandom(20260302L);
        Path terminalDir = directory.resolve("terminal");
        IntakeSimulator platform = new IntakeSimulator(
                IntakeSimulatorConfig.demo(directory.resolve("platform/intake.db")), Clock.systemUTC());
        platform.enroll(CrashChild.TERMINAL_ID,
                TerminalIdentity.loadOrCreate(CrashChild.TERMINAL_ID, terminalDir.resolve("keys")).publicKeyPem());
        platform.setFaults(new Faults(0.05, 0.20, 0.05, 0, Duration.ZERO, random.nextLong()));
        platform.start();
        try {
            Set<UUID> sealed = ConcurrentHashMap.newKeySet();
            int kills = 0;
            long start = System.nanoTime();
            long end = start + KILLING.toNanos();
            // On a machine busy enough that a child JVM takes seconds to start, keep killing past the budget (up
            // to four times it) until the minimum number of kills has happened.
            long hardEnd = start + 4 * KILLING.toNanos();
            while (System.nanoTime() < end || kills < MIN_KILLS && System.nanoTime() < hardEnd) {
                Child child = Child.start(terminalDir, platform, "seal", random.nextLong(), directory);
                // A quarter of the kills land anywhere in start-up (migrations, integrity check, key loading),
                // the rest after a random number of seals, a random few milliseconds into what follows.
                int seals = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(10);
                for (int i = 0; i < seals; i++) {
                    String line = child.lines.poll(60, TimeUnit.SECONDS);
                    assertTrue(line != null, () -> "the child printed nothing for 60 s after " + kills(sealed) + ": "
                            + child.errors());
                    child.note(line, sealed);
                }
                child.process.waitFor(seals == 0 ? random.nextInt(3_000) : random.nextInt(60), TimeUnit.MILLISECONDS);
                child.process.destroyForcibly().waitFor();
                kills++;
                child.drainInto(sealed);
                Set<UUID> stored = storedIds(terminalDir);
                for (UUID id : sealed) {
                    assertTrue(stored.contains(id), "kill " + kills + ": submission " + id
                            + " was sealed (its receipt would have printed) but is not in the store");
                }
            }

            Child drain = Child.start(terminalDir, platform, "drain", random.nextLong(), directory);
            String verdict = drain.waitFor(CrashChild.DRAINED, Duration.ofMinutes(4));
            drain.process.waitFor(30, TimeUnit.SECONDS);

            Map<UUID, String> atTerminal = projectNumbers(terminalDir);
            assertEquals(CrashChild.DRAINED + " quarantined=0", verdict);
            assertTrue(kills >= MIN_KILLS, "only " + kills + " kills");
            assertTrue(sealed.size() >= 10, "only " + sealed.size() + " seals");
            assertTrue(atTerminal.keySet().containsAll(sealed), "0 lost");
            for (Map.Entry<UUID, String> e : atTerminal.entrySet()) {
                assertEquals(1, platform.storedCopiesOf(e.getKey()), "submission " + e.getKey() + " at the platform");
                assertEquals(platform.projectNoOf(e.getKey()).orElseThrow(), e.getValue(), "one project number");
            }
            assertEquals(atTerminal.size(), platform.storedSubmissionCount(), "0 duplicated, nothing extra");
            assertTrue(platform.injected(Faults.Fault.COMMIT_THEN_FAIL) > 0, "commit-then-fail faults happened");
            System.out.printf("crash test: %d kills, %d seals returned, %d stored, %d answers lost after commit%n",
                    kills, sealed.size(), atTerminal.size(), platform.injected(Faults.Fault.COMMIT_THEN_FAIL));
        } finally {
            platform.stop();
        }
    }

    /** A child JVM running {@link CrashChild}, its stdout lines queued, its stderr in a file. */
    private record Child(Process process, LinkedBlockingQueue<String> lines, Path stderr) {
        static Child start(Path terminalDir, IntakeSimulator platform, String mode, long seed, Path logs)
                throws IOException {
            Path stderr = logs.resolve("child-" + mode + "-" + Long.toHexString(seed) + ".err");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Dorg.sqlite.tmpdir=" + System.getProperty("org.sqlite.tmpdir"),
                    "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                    terminalDir.toString(), platform.baseUri().toString(), mode, Long.toString(seed))
                    .redirectError(stderr.toFile());
            Process process = builder.start();
            LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith(CrashChild.SEALED) || line.contains("DRAINED")) {
                            lines.add(line);
                        }
                    }
                } catch (IOException e) {
                    lines.add("READ FAILED " + e);
                }
            }, "crash-child-reader");
            reader.setDaemon(true);
            reader.start();
            return new Child(process, lines, stderr);
        }

        String errors() {
            try {
                String text = java.nio.file.Files.readString(stderr);
                return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
            } catch (IOException e) {
                return e.toString();
            }
        }

        /** Adds every id the child printed as sealed (after it died, so the pipe has reached its end). */
        void drainInto(Set<UUID> sealed) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    if (!process.isAlive()) {
                        break;
                    }
                    continue;
                }
                note(line, sealed);
            }
        }

        void note(String line, Set<UUID> sealed) {
            if (line.startsWith(CrashChild.SEALED)) {
                sealed.add(UUID.fromString(line.substring(CrashChild.SEALED.length()).strip()));
            }
        }

        String waitFor(String prefix, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.contains(prefix)) {
                    return line;
                }
            }
            process.destroyForcibly();
            return "no " + prefix + " within " + limit + "; see " + stderr;
        }
    }

    private static String kills(Set<UUID> sealed) {
        return sealed.size() + " seals";
    }

    private static Set<UUID> storedIds(Path terminalDir) throws Exception {
        return projectNumbers(terminalDir).keySet();
    }

    /** Every submission in the terminal's file, with its project number (null while unsent). */
    private static Map<UUID, String> projectNumbers(Path terminalDir) throws Exception {
        Map<UUID, String> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + terminalDir.resolve("store.db"));
             PreparedStatement ps = c.prepareStatement("SELECT id, project_no FROM submission");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(UUID.fromString(rs.getString(1)), rs.getString(2));
            }
        }
        return out;
    }
}
