package org.onetrip.store.db;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Jazzer on the redo journal as a damaged disk could leave it: a journal with a valid header (so the fuzzer reaches
 * the records) whose record blocks are the input, and the input as a whole file. The property: the records of the
 * epoch, read or skipped, or an {@link IOException} naming the file; never another exception, and a journal that
 * opens takes a new record. Kept inputs: {@code RedoJournalFuzzTestInputs/}.
 */
class RedoJournalFuzzTest {
    private static final long SIZE = 8 * RedoJournal.BLOCK;
    /** A fixed epoch, so that the fuzzer can learn it from the comparisons it sees. */
    private static final SecureRandom FIXED = new SecureRandom() {
        @Override
        public long nextLong() {
            return 0x0123456789ABCDEFL;
        }
    };
    private static final Path DIR;

    static {
        try {
            DIR = Files.createDirectories(Path.of("target", "fuzz-redo-journal"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void journal_bytes_are_records_or_a_refusal_naming_the_file(byte[] bytes) throws IOException {
        Path file = DIR.resolve("fuzz.db-redo");
        Files.deleteIfExists(file);
        try (RedoJournal fresh = RedoJournal.open(file, SIZE, FIXED)) {
            fresh.append("seal", new byte[] {1, 2, 3}); // a real record, for the fuzzer's bytes to sit around
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes, 0, (int) Math.min(bytes.length, SIZE - 2 * RedoJournal.BLOCK)),
                    2 * RedoJournal.BLOCK);
        }
        open(file);

        Files.write(file, bytes); // the whole file: header and size as the input says
        open(file);
    }

    private static void open(Path file) {
        try (RedoJournal journal = RedoJournal.open(file, SIZE, FIXED)) {
            assertNotNull(journal.found());
            journal.append("seal", new byte[] {4, 5, 6}); // null when full: both fine
        } catch (IOException refused) {
            assertNotNull(refused.getMessage());
        }
    }
}
