package org.onetrip.intake.crash;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.onetrip.intake.harness.TerminalHarness;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.submission.SubmissionIds;

/**
 * The terminal side of the crash test, run in a child JVM that the test SIGKILLs at random moments:
 * {@code CrashChild DIR PLATFORM_URI seal|drain SEED}. In {@code seal} mode it seals submissions for ever (every
 * fifth with an attachment) and runs a sync cycle after each, printing {@code SEALED <id>} only once a seal has
 * returned — the moment a receipt would print. In {@code drain} mode it syncs until nothing is left to send and
 * prints {@code DRAINED}.
 */
public final class CrashChild {
    public static final String TERMINAL_ID = "T-340121100004-09";
    public static final String SEALED = "SEALED ";
    public static final String DRAINED = "DRAINED";

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        URI platform = URI.create(args[1]);
        boolean drain = "drain".equals(args[2]);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[3]));
        try (TerminalHarness terminal = new TerminalHarness(dir, TERMINAL_ID, Clock.systemUTC(), () -> platform,
                random.nextLong())) {
            terminal.sync.setBackoff(Duration.ofMillis(20), Duration.ofMillis(300));
            terminal.client.setTimeout(Duration.ofSeconds(5));
            if (drain) {
                drain(terminal);
                return;
            }
            SubmissionIds ids = new SubmissionIds(Clock.systemUTC()); // as the kiosk makes them, anew each start
            for (int n = 0; ; n++) {
                List<AttachmentRef> files = List.of();
                if (n % 5 == 0) {
                    byte[] bytes = new byte[1 + random.nextInt(64 * 1024)];
                    random.nextBytes(bytes);
                    files = List.of(terminal.store.attachments().stage(bytes, "image/jpeg"));
                }
                UUID id = terminal.store.seal(TerminalHarness.draft(ids.get()).withAttachments(files)).id();
                System.out.println(SEALED + id);
                System.out.flush();
                terminal.sync.runOnce();
            }
        }
    }

    private static void drain(TerminalHarness terminal) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            terminal.sync.runOnce();
            if (terminal.outbox.pendingCount() == 0 && terminal.sync.state().halted().isEmpty()) {
                System.out.println(DRAINED + " quarantined=" + terminal.outbox.quarantinedCount());
                System.out.flush();
                return;
            }
            Thread.sleep(20);
        }
        System.out.println("NOT DRAINED " + terminal.sync.state());
    }
}
