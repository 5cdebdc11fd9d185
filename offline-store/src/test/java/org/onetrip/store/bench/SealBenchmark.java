package org.onetrip.store.bench;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.UUID;

import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.testing.Drafts;
import org.onetrip.store.testing.StoreFixture;

/**
 * Durable seals per second against the physical limit of the same disk: a loop that writes 4 KiB to a file and
 * forces it ({@code FileChannel.force(true)}, i.e. fsync) each time, and a loop that appends what a seal adds to
 * the WAL (nine pages) and forces it. A seal is one SQLite transaction in WAL
 * mode with {@code synchronous=FULL}: one fsync of the WAL per commit, so it cannot beat the loop.
 * {@code bench/run.sh offline-store org.onetrip.store.bench.SealBenchmark [DIR] [N]}
 */
public final class SealBenchmark {
    private SealBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "offline-store/target/bench-seal"));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int block = 50;
        StoreFixture.useLocalSqliteNatives();
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.onetrip"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Clock clock = Clock.systemUTC();
        Path file = dir.resolve("seal-" + System.nanoTime() + ".db");
        Database db = new Database(file, clock);
        db.start();
        long fsyncNanos = 0;
        long appendNanos = 0;
        long sealNanos = 0;
        try (FileChannel channel = FileChannel.open(dir.resolve("fsync-probe"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
             FileChannel log = FileChannel.open(dir.resolve("append-probe"), StandardOpenOption.CREATE,
                     StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            SubmissionStore store = new SubmissionStore(db, new AuditLog(clock), clock, "T-BENCH");
            store.seal(Drafts.draft(UUID.randomUUID()));
            // Interleaved blocks, so both see the same load on a shared machine.
            for (int done = 0; done < n; done += block) {
                fsyncNanos += fsyncs(channel, block, done);
                appendNanos += appends(log, block, WAL_BYTES_PER_SEAL);
                long start = System.nanoTime();
                for (int i = 0; i < block; i++) {
                    store.seal(Drafts.draft(UUID.randomUUID()));
                }
                sealNanos += System.nanoTime() - start;
            }
        } finally {
            db.stop();
            Files.deleteIfExists(dir.resolve("fsync-probe"));
            Files.deleteIfExists(dir.resolve("append-probe"));
        }
        double fsyncs = n / (fsyncNanos / 1e9);
        double appends = n / (appendNanos / 1e9);
        double seals = n / (sealNanos / 1e9);
        System.out.printf("raw overwrite 4 KiB + fsync %.0f/s; raw append %d KiB + fsync %.0f/s; durable seals %.0f/s;"
                        + " seals/overwrite %.2f, seals/append %.2f (%d each, interleaved in blocks of %d)%n",
                fsyncs, WAL_BYTES_PER_SEAL / 1024, appends, seals, seals / fsyncs, seals / appends, n, block);
    }

    /** What one seal adds to the WAL: about nine 4 KiB pages, each with its 24-byte frame header. */
    static final int WAL_BYTES_PER_SEAL = 9 * (4096 + 24);

    /** {@code count} times: append {@code bytes} to a log file and force it, as the WAL's commit does. */
    static long appends(FileChannel log, int count, int bytes) throws Exception {
        ByteBuffer data = ByteBuffer.allocate(bytes);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            data.clear();
            data.putLong(0, i);
            while (data.hasRemaining()) {
                log.write(data);
            }
            log.force(true);
        }
        return System.nanoTime() - start;
    }

    /** {@code count} times: write 4 KiB into the first MiB of the file and force it to disk. */
    static long fsyncs(FileChannel channel, int count, int offset) throws Exception {
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
}
