package org.onetrip.store.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The redo journal's file on its own: what is written is found again, damage loses only itself, a reset leaves nothing. */
class RedoJournalTest {
    private static final long SIZE = 64 * 1024;

    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve("store.db-redo");
    }

    private RedoJournal open() throws IOException {
        return RedoJournal.open(file(), SIZE, new SecureRandom());
    }

    private static byte[] payload(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Appends and waits until forced, as a journaled transaction does; its commit is not reported. */
    private static RedoJournal.Entry write(RedoJournal journal, String kind, String text) {
        RedoJournal.Entry e = journal.append(kind, payload(text));
        assertNotNull(e, "there is room for " + text);
        assertTrue(journal.awaitDurable(e));
        return e;
    }

    @Test
    void a_new_journal_is_preallocated_to_its_size_and_empty() throws IOException {
        try (RedoJournal journal = open()) {
            assertEquals(List.of(), journal.found());
            assertFalse(journal.inUse());
        }
        assertEquals(SIZE, Files.size(file()));
    }

    @Test
    void records_forced_before_a_crash_are_found_in_order_at_the_next_open() throws IOException {
        try (RedoJournal journal = open()) {
            write(journal, "seal", "first");
            write(journal, "seal", "second");
            write(journal, "other", "third " + "x".repeat(6000)); // spans two blocks
        }
        try (RedoJournal journal = open()) {
            List<RedoJournal.Record> found = journal.found();
            assertEquals(List.of("seal", "seal", "other"), found.stream().map(RedoJournal.Record::kind).toList());
            assertArrayEquals(payload("first"), found.get(0).payload());
            assertArrayEquals(payload("second"), found.get(1).payload());
            assertArrayEquals(payload("third " + "x".repeat(6000)), found.get(2).payload());
            assertTrue(found.get(0).seq() < found.get(1).seq() && found.get(1).seq() < found.get(2).seq());
            // what is written next goes after them, and is found with them
            write(journal, "seal", "fourth");
        }
        try (RedoJournal journal = open()) {
            assertEquals(4, journal.found().size());
        }
    }

    @Test
    void a_cancelled_record_is_not_found() throws IOException {
        try (RedoJournal journal = open()) {
            write(journal, "seal", "kept");
            RedoJournal.Entry failed = write(journal, "seal", "failed in SQLite");
            journal.cancelled(failed);
            write(journal, "seal", "kept too");
        }
        try (RedoJournal journal = open()) {
            assertEquals(List.of("kept", "kept too"), texts(journal.found()));
        }
    }

    @Test
    void a_record_cut_short_by_a_crash_is_ignored_and_the_ones_before_it_are_found() throws IOException {
        try (RedoJournal journal = open()) {
            write(journal, "seal", "whole");
            write(journal, "seal", "cut short " + "y".repeat(3000));
        }
        damage(RedoJournal.BLOCK * 2 + 2000); // inside the second record's payload
        try (RedoJournal journal = open()) {
            assertEquals(List.of("whole"), texts(journal.found()));
        }
    }

    @Test
    void a_damaged_record_in_the_middle_loses_only_itself() throws IOException {
        try (RedoJournal journal = open()) {
            write(journal, "seal", "one");
            write(journal, "seal", "two");
            write(journal, "seal", "three");
        }
        damage(RedoJournal.BLOCK * 2 + 1); // the second record's header
        try (RedoJournal journal = open()) {
            assertEquals(List.of("one", "three"), texts(journal.found()));
        }
    }

    @Test
    void a_reset_zeroes_every_record_and_an_old_record_written_back_is_not_found() throws IOException {
        byte[] before;
        try (RedoJournal journal = open()) {
            RedoJournal.Entry e = write(journal, "seal", "王秀兰 resident data");
            journal.committed(e);
            before = Files.readAllBytes(file());
            assertTrue(journal.reset());
            assertFalse(journal.inUse());
        }
        byte[] after = Files.readAllBytes(file());
        assertEquals(-1, indexOf(after, payload("王秀兰")), "the record's bytes are zeroed");
        assertEquals(SIZE, after.length);
        // an old epoch's record (a block the reset did not reach, say) is not a record of the new one
        try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
            raw.seek(RedoJournal.BLOCK);
            raw.write(before, RedoJournal.BLOCK, RedoJournal.BLOCK);
        }
        try (RedoJournal journal = open()) {
            assertEquals(List.of(), journal.found());
        }
    }

    @Test
    void no_reset_while_a_record_is_written_but_its_transaction_has_not_ended() throws IOException {
        try (RedoJournal journal = open()) {
            RedoJournal.Entry e = write(journal, "seal", "in flight");
            assertFalse(journal.reset());
            journal.committed(e);
            assertTrue(journal.reset());
        }
    }

    @Test
    void a_full_journal_takes_no_record_until_it_is_reset() throws IOException {
        try (RedoJournal journal = open()) {
            int written = 0;
            RedoJournal.Entry e;
            while ((e = journal.append("seal", payload("record " + written))) != null) {
                journal.committed(e);
                written++;
            }
            assertEquals(SIZE / RedoJournal.BLOCK - 1, written, "one record per block after the header");
            assertTrue(journal.resetDue());
            assertTrue(journal.reset());
            assertNotNull(journal.append("seal", payload("after the reset")));
        }
    }

    @Test
    void a_journal_with_a_damaged_header_is_refused() throws IOException {
        try (RedoJournal journal = open()) {
            write(journal, "seal", "one");
        }
        damage(3);
        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().contains("header is damaged") && e.getMessage().contains(file().toString()),
                e.getMessage());
    }

    @Test
    void a_file_of_the_wrong_size_is_refused() throws IOException {
        Files.write(file(), new byte[5000]);
        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().contains("5000 bytes"), e.getMessage());
    }

    @Test
    void many_records_forced_at_once_all_become_durable() throws Exception {
        try (RedoJournal journal = open()) {
            List<Thread> threads = new java.util.ArrayList<>();
            List<RedoJournal.Entry> entries = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            for (int t = 0; t < 4; t++) {
                int n = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 3; i++) {
                        RedoJournal.Entry e = journal.append("seal", payload("t" + n + "-" + i));
                        assertTrue(journal.awaitDurable(e));
                        entries.add(e);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(12, entries.size());
        }
        try (RedoJournal journal = open()) {
            assertEquals(12, journal.found().size());
        }
    }

    @Test
    void a_journal_another_store_has_open_is_refused_as_in_use_not_as_damaged() throws IOException {
        try (RedoJournal first = open()) {
            write(first, "seal", "the first store's record");
            RedoJournal.InUse e = assertThrows(RedoJournal.InUse.class, this::open);
            assertTrue(e.getMessage().contains("in use by another OneTrip process"), e.getMessage());
        }
        try (RedoJournal again = open()) {
            assertEquals(List.of("the first store's record"), texts(again.found()));
        }
    }

    @Test
    void a_closed_journal_is_reported_broken_and_takes_no_more_records() throws IOException {
        RedoJournal journal = open();
        journal.close();
        assertNull(journal.append("seal", payload("after close")));
        assertTrue(journal.broken());
    }

    private static List<String> texts(List<RedoJournal.Record> records) {
        return records.stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList();
    }

    private void damage(long offset) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
            raw.seek(offset);
            int b = raw.read();
            raw.seek(offset);
            raw.write(b ^ 0x5A);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
