package org.onetrip.store.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The redo journal next to the database file ({@code onetrip.db-redo}): a preallocated file of fixed size into
 * which a transaction whose durability it provides writes one record — enough to redo the transaction — and forces
 * it ({@code fdatasync}), while SQLite commits the same work without waiting for its own fsync
 * ({@code synchronous=NORMAL}). One small overwrite and one {@code fdatasync} instead of SQLite's WAL frames and
 * fsync: that is what lets one sealer approach the disk's raw fsync rate, and the two run at the same time.
 *
 * <p>After a power cut SQLite keeps every commit up to the last one that was fsynced and may lose those after it;
 * {@link Database} replays the journal's records at start, each through the handler of its kind, which skips a
 * record whose work is already there. Once a later commit with {@code synchronous=FULL} has made all the records'
 * work durable, the journal is {@link #reset}: its used part is zeroed (no resident data stays in it) and it
 * starts a new epoch.
 *
 * <p>Layout: block 0 is the header (magic, version, epoch, CRC-32C); records start on 4 KiB boundaries: magic,
 * epoch, sequence number, type (work or cancel), kind, payload length, payload, CRC-32C of all before it. A record
 * of another epoch, with a wrong CRC or cut short is not a record: the scan goes on at the next block, so a damaged
 * record loses only itself. A record whose work failed in SQLite is cancelled by a second record naming it.
 */
final class RedoJournal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedoJournal.class);
    static final int BLOCK = 4096;
    static final long DEFAULT_SIZE = 4L << 20;
    private static final int HEADER_MAGIC = 0x4F54524A; // "OTRJ"
    private static final int RECORD_MAGIC = 0x4F545252; // "OTRR"
    private static final int VERSION = 1;
    private static final byte WORK = 1;
    private static final byte CANCEL = 2;
    /** magic, epoch, sequence, type, kind length (then the kind), payload length (then the payload) */
    private static final int RECORD_FIXED = 4 + 8 + 8 + 1 + 1 + 4 + 4;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final SecureRandom random;
    private final Object lock = new Object();
    private final List<Record> found;
    private long epoch;
    private long nextOffset = BLOCK;
    private long nextSeq = 1;
    private int inFlight;
    private long highestCommitted;
    private long highestDurable;
    private boolean broken;
    private final Syncer syncer;

    /** One record written, until its transaction commits (or fails) and the record is forced to disk. */
    record Entry(long epoch, long seq, long syncTicket) {
    }

    /** A record found at open: the work of a transaction, by kind, to replay. */
    record Record(long seq, String kind, byte[] payload) {
    }

    private RedoJournal(Path file, FileChannel channel, long size, SecureRandom random, long epoch,
                        List<Record> found, long nextOffset, long nextSeq) {
        this.file = file;
        this.channel = channel;
        this.size = size;
        this.random = random;
        this.epoch = epoch;
        this.found = found;
        this.nextOffset = nextOffset;
        this.nextSeq = nextSeq;
        this.syncer = new Syncer();
    }

    /**
     * Opens the journal at {@code file}, creating and preallocating it ({@code size} bytes, written with zeros so
     * a later overwrite and {@code fdatasync} need no metadata) if there is none, and reads the records of its
     * current epoch. A file whose header is damaged is an {@link IOException}: the caller sets it aside.
     */
    static RedoJournal open(Path file, long size, SecureRandom random) throws IOException {
        if (size < 4 * BLOCK || size % BLOCK != 0) {
            throw new IllegalArgumentException("redo journal[" + file + "]: size " + size + " is not a multiple of "
                    + BLOCK + " of at least " + 4 * BLOCK);
        }
        boolean fresh = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            lockOrRefuse(channel, file);
            if (fresh || channel.size() == 0) {
                long epoch = random.nextLong();
                zero(channel, 0, size);
                writeHeader(channel, epoch);
                channel.force(true);
                forceDirectory(file.getParent());
                return new RedoJournal(file, channel, size, random, epoch, new ArrayList<>(), BLOCK, 1);
            }
            long actual = channel.size();
            if (actual < 4 * BLOCK || actual % BLOCK != 0) {
                throw new IOException("redo journal[" + file + "]: " + actual + " bytes, not a journal's size");
            }
            long epoch = readHeader(channel, file);
            Scan scan = scan(channel, actual, epoch, file);
            return new RedoJournal(file, channel, actual, random, epoch, scan.records, scan.nextOffset, scan.nextSeq);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path file() {
        return file;
    }

    /**
     * Copies the journal, as it is, to {@code target} (a new file) through the journal's own channel: opening and
     * closing a second descriptor of the file would drop this process's lock on it.
     */
    void copyTo(Path target) throws IOException {
        synchronized (lock) {
            try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long size = channel.size();
                for (long at = 0; at < size; ) {
                    at += channel.transferTo(at, size - at, out);
                }
                out.force(true);
            }
        }
    }

    /** Another process (or store) has the journal open: it is not read, reset or written from here. */
    static final class InUse extends IOException {
        InUse(Path file) {
            super("redo journal[" + file + "]: in use by another OneTrip process on this data folder");
        }
    }

    /** One writer per journal: a second store on the same data folder must not reset the first one's records. */
    private static void lockOrRefuse(FileChannel channel, Path file) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new InUse(file);
        }
        // held until the channel closes; on Linux closing any other descriptor of the file in this process drops it
        // too, so this process never opens the journal a second time (copyTo reads through this channel)
    }

    /** The records of the current epoch found at open, not cancelled, in order; replayed by {@link Database}. */
    List<Record> found() {
        synchronized (lock) {
            return List.copyOf(found);
        }
    }

    /**
     * Writes a record of {@code kind} and asks for it to be forced; null when it does not fit now (the journal is
     * full until the next reset, or broken): the caller then commits with {@code synchronous=FULL} instead.
     */
    Entry append(String kind, byte[] payload) {
        byte[] kindBytes = kind.getBytes(StandardCharsets.US_ASCII);
        int length = RECORD_FIXED + kindBytes.length + payload.length;
        long offset;
        long seq;
        long recordEpoch;
        synchronized (lock) {
            long end = offset(nextOffset + length);
            if (broken || kindBytes.length > 255 || end > size) {
                return null;
            }
            offset = nextOffset;
            seq = nextSeq++;
            nextOffset = end;
            recordEpoch = epoch;
            inFlight++;
        }
        ByteBuffer record = record(recordEpoch, seq, WORK, kindBytes, payload);
        try {
            writeFully(channel, record, offset);
        } catch (IOException e) {
            fail("cannot write a record", e);
            synchronized (lock) {
                inFlight--;
            }
            return null;
        }
        return new Entry(recordEpoch, seq, syncer.request());
    }

    /** Waits until the entry's record is on disk; false if forcing failed (the caller then makes its commit durable). */
    boolean awaitDurable(Entry entry) {
        return syncer.await(entry.syncTicket());
    }

    /**
     * The entry's transaction committed (with {@code synchronous=NORMAL}): its record may go at the next reset, once
     * a commit with {@code synchronous=FULL} has followed. Called under the database's lock.
     */
    void committed(Entry entry) {
        synchronized (lock) {
            inFlight--;
            if (entry.epoch() == epoch) {
                highestCommitted = Math.max(highestCommitted, entry.seq());
            }
        }
    }

    /**
     * The entry's transaction failed and was rolled back: a cancel record, forced at once, tells a replay to skip
     * it. Called under the database's lock.
     */
    void cancelled(Entry entry) {
        long offset;
        synchronized (lock) {
            inFlight--;
            if (entry.epoch() != epoch) {
                return; // reset since: the record is gone
            }
            long end = offset(nextOffset + RECORD_FIXED + 8);
            if (broken || end > size) {
                // no room for the cancel: the record must not survive; the next reset zeroes it
                log.warn("redo journal[{}]: full; record {} of a failed transaction will be dropped at the next reset",
                        file, entry.seq());
                return;
            }
            offset = nextOffset;
            nextOffset = end;
        }
        try {
            writeFully(channel, record(entry.epoch(), 0, CANCEL, new byte[0], ByteBuffer.allocate(8)
                    .putLong(0, entry.seq()).array()), offset);
            channel.force(false);
        } catch (IOException e) {
            fail("cannot write the cancel of record " + entry.seq(), e);
        }
    }

    /** Every commit so far is durable (a commit with {@code synchronous=FULL} followed them). Under the db's lock. */
    void allCommittedDurable() {
        synchronized (lock) {
            highestDurable = highestCommitted;
        }
    }

    /** Whether a reset is due (three quarters used) and possible: nothing in flight, nothing left to replay. */
    boolean resetDue() {
        synchronized (lock) {
            return nextOffset > size / 4 * 3 && inFlight == 0 && found.isEmpty();
        }
    }

    /** Whether every committed record's work is durable by SQLite alone, so {@link #reset} may follow. */
    boolean committedAreDurable() {
        synchronized (lock) {
            return highestDurable >= highestCommitted;
        }
    }

    /** Whether the journal holds records, committed or found, that a reset would clear. */
    boolean inUse() {
        synchronized (lock) {
            return nextOffset > BLOCK || !found.isEmpty();
        }
    }

    /**
     * Zeroes the used part and starts a new epoch. Only when nothing is in flight and every committed record's work
     * is durable in SQLite (the caller made sure); returns false otherwise. Called under the database's lock.
     */
    boolean reset() {
        synchronized (lock) {
            if (inFlight > 0 || broken || !found.isEmpty()) {
                return false;
            }
            long newEpoch = random.nextLong();
            try {
                zero(channel, BLOCK, nextOffset);
                channel.force(false);
                writeHeader(channel, newEpoch);
                channel.force(false);
            } catch (IOException e) {
                fail("cannot reset", e);
                return false;
            }
            epoch = newEpoch;
            nextOffset = BLOCK;
            nextSeq = 1;
            highestCommitted = 0;
            highestDurable = 0;
            found.clear();
            syncer.satisfyAll();
            return true;
        }
    }

    /** The records found at open were replayed (or set aside): a reset may clear them. */
    void replayed() {
        synchronized (lock) {
            found.clear();
        }
    }

    boolean broken() {
        synchronized (lock) {
            return broken;
        }
    }

    private void fail(String what, IOException e) {
        synchronized (lock) {
            broken = true;
        }
        log.error("redo journal[{}]: {} ({}); every transaction commits with synchronous=FULL from now on, as"
                + " safe and slower. Check the disk (dmesg) and free space.", file, what, e.toString());
    }

    @Override
    public void close() throws IOException {
        syncer.stop();
        channel.close();
    }

    @Override
    public String toString() {
        return "redo journal[" + file + "]";
    }

    private static long offset(long end) {
        return (end + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long offset) throws IOException {
        long at = offset;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    private static ByteBuffer record(long epoch, long seq, byte type, byte[] kind, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(RECORD_FIXED + kind.length + payload.length);
        b.putInt(RECORD_MAGIC).putLong(epoch).putLong(seq).put(type).put((byte) kind.length).put(kind)
                .putInt(payload.length).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.flip();
    }

    private static void writeHeader(FileChannel channel, long epoch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(20);
        b.putInt(HEADER_MAGIC).putInt(VERSION).putLong(epoch);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 16);
        writeFully(channel, b.putInt((int) crc.getValue()).flip(), 0);
    }

    private static long readHeader(FileChannel channel, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(20);
        readFully(channel, b, 0);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 16);
        if (b.getInt(0) != HEADER_MAGIC || b.getInt(16) != (int) crc.getValue()) {
            throw new IOException("redo journal[" + file + "]: its header is damaged");
        }
        if (b.getInt(4) != VERSION) {
            throw new IOException("redo journal[" + file + "]: version " + b.getInt(4) + ", this OneTrip reads "
                    + VERSION);
        }
        return b.getLong(8);
    }

    private static void readFully(FileChannel channel, ByteBuffer b, long offset) throws IOException {
        long at = offset;
        while (b.hasRemaining()) {
            int n = channel.read(b, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        b.flip();
    }

    private record Scan(List<Record> records, long nextOffset, long nextSeq) {
    }

    /** Reads every record of {@code epoch}: block by block, past damaged ones; cancelled ones left out. */
    private static Scan scan(FileChannel channel, long size, long epoch, Path file) throws IOException {
        List<Record> records = new ArrayList<>();
        Set<Long> cancelled = new HashSet<>();
        long end = BLOCK;
        long maxSeq = 0;
        int damaged = 0;
        ByteBuffer head = ByteBuffer.allocate(RECORD_FIXED + 255);
        for (long at = BLOCK; at < size; ) {
            head.clear();
            readFully(channel, head, at);
            if (head.remaining() < RECORD_FIXED || head.getInt(0) != RECORD_MAGIC || head.getLong(4) != epoch) {
                if (!zeroes(head)) {
                    damaged++;
                }
                at += BLOCK;
                continue;
            }
            int kindLength = head.get(21) & 0xFF;
            int payloadAt = RECORD_FIXED - 4 + kindLength;
            int payloadLength = head.remaining() >= payloadAt ? head.getInt(22 + kindLength) : -1;
            long length = (long) payloadAt + payloadLength + 4;
            if (payloadLength < 0 || at + length > size) {
                damaged++;
                at += BLOCK;
                continue;
            }
            ByteBuffer whole = ByteBuffer.allocate((int) length);
            readFully(channel, whole, at);
            CRC32C crc = new CRC32C();
            crc.update(whole.array(), 0, (int) length - 4);
            if (whole.remaining() != length || whole.getInt((int) length - 4) != (int) crc.getValue()) {
                damaged++;
                at += BLOCK;
                continue;
            }
            long seq = whole.getLong(12);
            byte type = whole.get(20);
            byte[] payload = new byte[payloadLength];
            whole.get(payloadAt, payload);
            if (type == CANCEL && payloadLength == 8) {
                cancelled.add(ByteBuffer.wrap(payload).getLong());
            } else if (type == WORK) {
                records.add(new Record(seq, new String(whole.array(), 22, kindLength, StandardCharsets.US_ASCII),
                        payload));
                maxSeq = Math.max(maxSeq, seq);
            }
            at = offset(at + length);
            end = at;
        }
        if (damaged > 0) {
            log.error("redo journal[{}]: {} damaged block(s) skipped; the records around them were read. A record"
                    + " cut short by a crash while it was written is expected (its transaction never returned);"
                    + " more than one means the disk is failing: check it.", file, damaged);
        }
        records.removeIf(r -> cancelled.contains(r.seq()));
        return new Scan(records, end, maxSeq + 1);
    }

    private static boolean zeroes(ByteBuffer b) {
        for (int i = b.position(); i < b.limit(); i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static void zero(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
        for (long at = from; at < to; ) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), to - at));
            while (zeros.hasRemaining()) {
                at += channel.write(zeros, at);
            }
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            log.debug("redo journal: cannot fsync directory {} ({})", directory, e.toString());
        }
    }

    /**
     * Forces the journal on its own thread, so that SQLite's work for a record runs while its record goes to disk;
     * one {@code fdatasync} covers every record written before it started (callers ask, the thread batches).
     */
    private final class Syncer {
        private final Object monitor = new Object();
        private long requested;
        private long synced;
        private long failedUpTo;
        private boolean stopped;
        private Thread thread;

        long request() {
            synchronized (monitor) {
                if (thread == null) {
                    thread = Thread.ofPlatform().daemon().name("redo-journal-sync").start(this::run);
                }
                requested++;
                monitor.notifyAll();
                return requested;
            }
        }

        boolean await(long ticket) {
            synchronized (monitor) {
                boolean interrupted = false;
                while (synced < ticket && failedUpTo < ticket) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // a seal waits for its record either way
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return synced >= ticket;
            }
        }

        void satisfyAll() {
            synchronized (monitor) {
                synced = Math.max(synced, requested);
                monitor.notifyAll();
            }
        }

        void stop() {
            Thread t;
            synchronized (monitor) {
                stopped = true;
                monitor.notifyAll();
                t = thread;
            }
            if (t != null) {
                try {
                    t.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void run() {
            while (true) {
                long target;
                synchronized (monitor) {
                    while (requested == synced && !stopped) {
                        try {
                            monitor.wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    if (requested == synced && stopped) {
                        return;
                    }
                    target = requested;
                }
                boolean ok;
                try {
                    channel.force(false);
                    ok = true;
                } catch (IOException e) {
                    fail("cannot force it to disk", e);
                    ok = false;
                }
                synchronized (monitor) {
                    if (ok) {
                        synced = Math.max(synced, target);
                    } else {
                        failedUpTo = Math.max(failedUpTo, target);
                    }
                    monitor.notifyAll();
                }
            }
        }
    }
}
