package org.onetrip.intake.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import org.onetrip.intake.IntakeSimulator;
import org.onetrip.intake.IntakeSimulatorConfig;
import org.onetrip.intake.StatusSchedule;
import org.onetrip.intake.harness.TerminalHarness;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.submission.SubmissionIds;

/**
 * Drains a queue of sealed submissions (and attachments) to the simulator on loopback and reports the
 * throughput and the peak heap. Run it with {@code -Xmx64m} to show memory does not grow with the queue:
 * {@code BENCH_JAVA_OPTS=-Xmx64m bench/run.sh intake-simulator org.onetrip.intake.bench.DrainBenchmark
 * [SUBMISSIONS] [ATTACHMENTS] [ATTACHMENT_BYTES] [DIR]}.
 */
public final class DrainBenchmark {
    private DrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int submissions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int attachments = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int attachmentBytes = args.length > 2 ? Integer.parseInt(args[2]) : 1024 * 1024;
        Path dir = Path.of(args.length > 3 ? args[3] : "intake-simulator/target/bench-drain-" + System.nanoTime());
        Files.createDirectories(dir);
        TerminalHarness.useLocalSqliteNatives();
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.onetrip"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Clock clock = Clock.systemUTC();
        IntakeSimulator platform = new IntakeSimulator(new IntakeSimulatorConfig("127.0.0.1", 0,
                dir.resolve("platform/intake.db"), StatusSchedule.demo(), Duration.ofMinutes(10)), clock);
        platform.start();
        try (TerminalHarness terminal = new TerminalHarness(dir.resolve("terminal"), "T-BENCH", clock,
                platform::baseUri, 1)) {
            platform.enroll("T-BENCH", terminal.identity.publicKeyPem());
            SplittableRandom random = new SplittableRandom(1);
            SubmissionIds submissionIds = new SubmissionIds(clock);
            long sealStart = System.nanoTime();
            for (int i = 0; i < submissions; i++) {
                List<AttachmentRef> files = List.of();
                if (i < attachments) {
                    byte[] bytes = new byte[attachmentBytes];
                    random.nextBytes(bytes);
                    files = List.of(terminal.store.attachments().stage(bytes, "image/jpeg"));
                }
                terminal.store.seal(TerminalHarness.draft(submissionIds.get()).withAttachments(files));
            }
            double sealSeconds = (System.nanoTime() - sealStart) / 1e9;
            resetPeaks();
            long start = System.nanoTime();
            int cycles = 0;
            while (terminal.outbox.pendingCount() > 0) {
                terminal.sync.runOnce();
                cycles++;
                if (terminal.sync.state().halted().isPresent()) {
                    throw new IllegalStateException("halted: " + terminal.sync.state());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("queued %d submissions (%d with a %d-byte attachment) in %.1f s; drained in %.1f s"
                            + " = %.0f submissions/s, %d cycles; stored at the platform: %d; max heap %d MiB,"
                            + " peak heap used during the drain %d MiB%n",
                    submissions, attachments, attachmentBytes, sealSeconds, seconds, submissions / seconds, cycles,
                    platform.storedSubmissionCount(), Runtime.getRuntime().maxMemory() >> 20, peakHeap() >> 20);
        } finally {
            platform.stop();
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
