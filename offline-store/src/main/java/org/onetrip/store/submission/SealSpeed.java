package org.onetrip.store.submission;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;

/**
 * How fast a disk makes things durable, measured where the terminal keeps its data: the raw limit (a loop that
 * writes 4 KiB into a file and forces it, {@code fsync}) against durable seals (the resident's seal, with its redo
 * journal, exactly as the kiosk seals). Both run on a scratch store in a new folder beside the terminal's data, never
 * on the terminal's own store, with made-up applicants; the folder is deleted afterwards. Blocks of both loops are
 * interleaved so they meet the same disk, after a warm-up of the seal path.
 *
 * <p>What it is for: issue 5's target (durable seals at least half the raw flush rate) judged on the device's own
 * disk, and a technician seeing an SD card whose flushes have become slow.
 */
public final class SealSpeed {
    private static final int BLOCK = 20;
    private static final int WARM_UP_SEALS = 200;

    private SealSpeed() {
    }

    /**
     * @param flushes         raw write-and-force loops done
     * @param flushesPerSecond their rate
     * @param seals           durable seals done
     * @param sealsPerSecond  their rate
     * @param scratch         the folder the scratch store was in (deleted)
     */
    public record Result(int flushes, double flushesPerSecond, int seals, double sealsPerSecond, Path scratch) {
        /** Durable seals per raw flush (issue 5 asks for at least 0.5). */
        public double ratio() {
            return sealsPerSecond / flushesPerSecond;
        }

        /** Milliseconds one raw flush takes on average. */
        public double flushMillis() {
            return 1000 / flushesPerSecond;
        }
    }

    /**
     * Measures for about {@code budget} (plus a warm-up of 200 seals or a quarter of the budget, whichever ends first,
     * and the scratch store's start) in a new folder inside
     * {@code parent}, which must exist and be writable; removes the folder again, also when the measurement fails.
     */
    public static Result measure(Path parent, Duration budget, Clock clock) throws IOException {
        if (!Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new IOException("seal speed: " + parent + " is not a writable directory");
        }
        Path scratch = Files.createTempDirectory(parent, ".seal-speed-");
        try {
            return measureIn(scratch, budget, clock);
        } finally {
            deleteTree(scratch);
        }
    }

    private static Result measureIn(Path scratch, Duration budget, Clock clock) throws IOException {
        Database db = new Database(scratch.resolve("seal-speed.db"), clock);
        try {
            db.start();
        } catch (Exception e) {
            throw new IOException("seal speed: the scratch store in " + scratch + " did not start: " + e, e);
        }
        try (FileChannel probe = FileChannel.open(scratch.resolve("flush-probe"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            SubmissionStore store = new SubmissionStore(db, new AuditLog(clock), clock, "SEAL-SPEED");
            SubmissionIds ids = new SubmissionIds(clock); // as the kiosk makes them
            // the seal path's JIT warm-up matters where the disk is fast; where it is slow, a quarter of the budget
            long warm = System.nanoTime() + budget.toNanos() / 4;
            for (int i = 0; i < WARM_UP_SEALS && System.nanoTime() < warm; i++) {
                store.seal(draft(ids));
            }
            flushes(probe, BLOCK, 0);
            long flushNanos = 0;
            long sealNanos = 0;
            int rounds = 0;
            long end = System.nanoTime() + budget.toNanos();
            do {
                flushNanos += flushes(probe, BLOCK, rounds * BLOCK);
                long start = System.nanoTime();
                for (int i = 0; i < BLOCK; i++) {
                    store.seal(draft(ids));
                }
                sealNanos += System.nanoTime() - start;
                rounds++;
            } while (System.nanoTime() < end);
            int n = rounds * BLOCK;
            return new Result(n, n / (flushNanos / 1e9), n, n / (sealNanos / 1e9), scratch);
        } finally {
            try {
                db.stop();
            } catch (Exception e) {
                throw new IOException("seal speed: the scratch store in " + scratch + " did not stop: " + e, e);
            }
        }
    }

    /**
     * {@code count} times: writes 4 KiB into the first MiB of {@code channel}'s file and forces it to disk
     * ({@code fsync}); returns the time it took. The physical limit a durable write meets on this disk.
     */
    public static long flushes(FileChannel channel, int count, int offset) throws IOException {
        ByteBuffer page = ByteBuffer.allocate(4096);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            page.clear();
            page.putLong(0, offset + i);
            channel.write(page, (long) ((offset + i) % 256) * 4096);
            channel.force(true);
        }
        return System.nanoTime() - start;
    }

    /** A made-up resident's draft, of the size a real one has. */
    private static SubmissionDraft draft(SubmissionIds ids) {
        return new SubmissionDraft(ids.get(), "00000000000000000000000000000", "磁盘测速（不是真实申请）", 1,
                "000000000000", "测速", "000000000000000000", "测* 000000********0000",
                Map.of("name", "测速", "idNumber", "000000000000000000", "reason", "磁盘测速"), "WINDOW",
                LocalDate.of(2000, 1, 1), List.of("无"));
    }

    /** Removes the scratch folder, deepest first. */
    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
