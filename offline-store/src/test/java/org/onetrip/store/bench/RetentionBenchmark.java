package org.onetrip.store.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.retention.RetentionPurge;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.SubmissionStatus;
import org.onetrip.store.testing.Drafts;
import org.onetrip.store.testing.StoreFixture;

/**
 * What the daily purge costs on a terminal with a long history: {@code N} cases sealed with one small attachment
 * each and finished 40 days ago, plus {@code N} finished yesterday; then the runs that purge the old half in portions
 * (bodies, links, rows, files, audit, checkpoint; each run holds the database that long) and one more right after
 * (nothing due: the cost of an ordinary day).
 * {@code bench/run.sh offline-store org.onetrip.store.bench.RetentionBenchmark [DIR] [N]}
 */
public final class RetentionBenchmark {
    private RetentionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "offline-store/target/bench-retention"));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.onetrip"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        try (StoreFixture f = new StoreFixture(dir.resolve("retention-" + System.nanoTime() + ".db"))) {
            List<Outbox.StatusChange> done = new ArrayList<>();
            for (int half = 0; half < 2; half++) {
                for (int i = 0; i < n; i++) {
                    AttachmentRef photo = f.store.attachments().stage(("photo " + half + "/" + i).getBytes(),
                            "image/jpeg");
                    UUID id = f.store.seal(Drafts.draft(UUID.randomUUID()).withAttachments(List.of(photo))).id();
                    done.add(new Outbox.StatusChange(id, SubmissionStatus.DONE, null, "P-" + i,
                            f.clock.instant().plus(Duration.ofHours(1))));
                }
                f.outbox.statusesChanged(done, "status", "c" + half);
                done.clear();
                if (half == 0) {
                    f.clock.advance(Duration.ofDays(39));
                }
            }
            f.execute("DELETE FROM outbox"); // the platform has them all
            f.clock.advance(Duration.ofDays(1));
            RetentionPurge purge = new RetentionPurge(f.db, f.audit, f.store.attachments(), f.clock,
                    Duration.ofDays(30));
            List<Double> runs = new ArrayList<>();
            int purged = 0;
            RetentionPurge.Result r;
            do {
                long t0 = System.nanoTime();
                r = purge.run();
                runs.add((System.nanoTime() - t0) / 1e6);
                purged += r.submissions();
            } while (r.more());
            long t1 = System.nanoTime();
            RetentionPurge.Result idle = purge.run();
            double idleMs = (System.nanoTime() - t1) / 1e6;
            double total = runs.stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf("cases: %d (half finished 40 days ago, half yesterday), db %d KiB%n", 2 * n,
                    Files.size(f.db.file()) / 1024);
            System.out.printf("backlog: %d cases purged (with their attachment files) in %d runs of at most %d:"
                            + " %.0f ms in all (%.2f ms per case), longest run %.0f ms%n", purged, runs.size(),
                    RetentionPurge.DEFAULT_MAX_CASES, total, total / purged,
                    runs.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            System.out.printf("an ordinary day's run, nothing due: %d submissions in %.1f ms%n", idle.submissions(),
                    idleMs);
        }
    }
}
