package org.onetrip.store.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;
import org.onetrip.store.submission.FiledBy;
import org.onetrip.store.submission.SealSpeed;
import org.onetrip.store.submission.SubmissionIds;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.testing.Drafts;
import org.onetrip.store.testing.StoreFixture;

/**
 * Durable seals per second against the physical limit of the same disk: a loop that writes 4 KiB into a file
 * and forces it ({@code FileChannel.force(true)}, i.e. fsync) each time. A resident's seal is one SQLite transaction
 * committed with {@code synchronous=NORMAL} while its redo-journal record is forced beside it (one
 * {@code fdatasync}), so one sealer cannot beat the loop. For comparison, the same seal filed by an agent commits with
 * {@code synchronous=FULL} (one fsync of the WAL, no journal): what every seal did before the journal.
 * Blocks of the loop and of both kinds of seals are interleaved, so all see the same load on a shared machine; all run
 * after a warm-up (a kiosk's JVM runs for days, the JIT has compiled the seal path long before).
 * <p>
 * {@code SEALERS} threads seal at once (several kiosk sessions or agency desks of one terminal): their seals
 * share commits ({@link Database#inTransaction} groups them), each returning only after the commit that holds it.
 * Seals get the kiosk's time-ordered ids ({@link SubmissionIds}); {@code -Dbench.ids=random} gives them random
 * version-4 UUIDs instead, as the kiosk did before, for comparison.
 * It also prints the CPU time of one seal (thread CPU, the fsync's wait excluded), and, at the end, the WAL pages one
 * seal writes and how many of them are distinct pages, which a checkpoint writes back into the database file.
 * {@code bench/run.sh offline-store org.onetrip.store.bench.SealBenchmark [DIR] [N] [SEALERS]}
 */
public final class SealBenchmark {
    private static final int BLOCK = 50;
    /** An agent's filing that adds no rows: the seal's own work, committed with synchronous=FULL. */
    private static final FiledBy FULL = new FiledBy("bench", java.util.Map.of(), (c, id, at) -> { });

    /**
     * The ids seals get: the kiosk's time-ordered ones ({@link SubmissionIds}), or with {@code -Dbench.ids=random}
     * random version-4 UUIDs, as the kiosk made them before, for the comparison in docs/benchmarks.md.
     */
    private static final Supplier<UUID> IDS = "random".equals(System.getProperty("bench.ids"))
            ? UUID::randomUUID : new SubmissionIds(Clock.systemUTC());

    private SealBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "offline-store/target/bench-seal"));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int sealers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        // each sealer seals BLOCK seals in a block, so a block's start and its last commit are as small a share of it
        // with several sealers as with one
        int block = BLOCK * sealers;
        n = (n + block - 1) / block * block;
        StoreFixture.useLocalSqliteNatives();
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.onetrip"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Clock clock = Clock.systemUTC();
        Path file = dir.resolve("seal-" + System.nanoTime() + ".db");
        Database db = new Database(file, clock);
        db.start();
        ExecutorService pool = Executors.newFixedThreadPool(sealers);
        long fsyncNanos = 0;
        long sealNanos = 0;
        long fullNanos = 0;
        try (FileChannel channel = FileChannel.open(dir.resolve("fsync-probe"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            SubmissionStore store = new SubmissionStore(db, new AuditLog(clock), clock, "T-BENCH");
            System.out.printf("CPU per seal (one sealer): %.0f µs; with synchronous=FULL, no journal: %.0f µs%n",
                    cpuMicrosPerSeal(store, 3_000, null), cpuMicrosPerSeal(store, 3_000, FULL));
            SealSpeed.flushes(channel, 2_000, 0);
            // and with the sealers at once: the JIT compiles the grouped path only under concurrent seals (4 sealers
            // seal ~4,000/s in their first seconds while it does, ~6,300/s after)
            seals(pool, store, 20_000, sealers, null);
            seals(pool, store, 20_000, sealers, FULL);
            for (int done = 0; done < n; done += block) {
                fsyncNanos += SealSpeed.flushes(channel, block, done);
                sealNanos += seals(pool, store, block, sealers, null);
                fullNanos += seals(pool, store, block, sealers, FULL);
            }
            double[] wal = walPagesPerSeal(db, store); // at the end: the indexes hold every seal so far
            System.out.printf("WAL pages per seal: %.1f, of which distinct pages (what a checkpoint writes back): %.2f"
                    + "%n", wal[0], wal[1]);
        } finally {
            pool.shutdownNow();
            db.stop();
            Files.deleteIfExists(dir.resolve("fsync-probe"));
        }
        double fsyncs = n / (fsyncNanos / 1e9);
        double seals = n / (sealNanos / 1e9);
        double full = n / (fullNanos / 1e9);
        System.out.printf("raw overwrite 4 KiB + fsync %.0f/s; durable seals %.0f/s with %d sealer(s); seals/fsync %.2f"
                + "; with synchronous=FULL and no journal %.0f/s, %.2f (%d each, interleaved in blocks of %d)%n",
                fsyncs, seals, sealers, seals / fsyncs, full, full / fsyncs, n, block);
    }

    /** Seals {@code count} drafts from {@code sealers} threads at once and returns the wall time. */
    static long seals(ExecutorService pool, SubmissionStore store, int count, int sealers, FiledBy filedBy)
            throws Exception {
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < sealers; t++) {
            int share = count / sealers + (t < count % sealers ? 1 : 0);
            tasks.add(() -> {
                for (int i = 0; i < share; i++) {
                    store.seal(Drafts.draft(IDS.get()), filedBy);
                }
                return null;
            });
        }
        long start = System.nanoTime();
        if (sealers == 1) {
            tasks.getFirst().call();
        } else {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        }
        return System.nanoTime() - start;
    }

    /**
     * Warms the seal path up, then returns the thread CPU time of one seal (waiting for the fsync is not CPU; the
     * journal's own thread, forcing its records, is not counted either).
     */
    static double cpuMicrosPerSeal(SubmissionStore store, int count, FiledBy filedBy) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < count; i++) {
            store.seal(Drafts.draft(IDS.get()), filedBy);
        }
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            store.seal(Drafts.draft(IDS.get()), filedBy);
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e3 / count;
    }

    /**
     * With automatic checkpoints off, what 100 seals write into the WAL: its growth in pages of 4 KiB (+ frame
     * header) per seal, and the distinct database pages among those frames per seal, i.e. the pages a checkpoint
     * must write back into the database file, each somewhere else in it.
     */
    static double[] walPagesPerSeal(Database db, SubmissionStore store) throws Exception {
        for (int i = 0; i < 200; i++) {
            store.seal(Drafts.draft(IDS.get()));
        }
        pragma(db, "PRAGMA wal_checkpoint(TRUNCATE)");
        pragma(db, "PRAGMA wal_autocheckpoint = 0");
        Path wal = db.file().resolveSibling(db.file().getFileName() + "-wal");
        store.seal(Drafts.draft(IDS.get()));
        long before = Files.size(wal);
        for (int i = 0; i < 100; i++) {
            store.seal(Drafts.draft(IDS.get()));
        }
        long grown = Files.size(wal) - before;
        Set<Integer> pages = new HashSet<>();
        try (FileChannel in = FileChannel.open(wal, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(4);
            for (long at = before; at + 24 + 4096 <= before + grown; at += 24 + 4096) {
                header.clear();
                in.read(header, at);
                pages.add(header.getInt(0)); // a frame header starts with its page number, big-endian
            }
        }
        pragma(db, "PRAGMA wal_autocheckpoint = 1000");
        pragma(db, "PRAGMA wal_checkpoint(TRUNCATE)");
        return new double[] {grown / (4096.0 + 24) / 100, pages.size() / 100.0};
    }

    private static void pragma(Database db, String sql) {
        db.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
    }
}
