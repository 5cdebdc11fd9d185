package org.onetrip.store.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onetrip.store.testing.MutableClock;

/** Time-ordered submission ids: valid version-7 UUIDs, each larger than the last, whatever the clock does. */
class SubmissionIdsTest {
    private static final Instant T0 = Instant.parse("2026-11-24T08:30:00.123Z");

    private final MutableClock clock = new MutableClock(T0);
    private final SubmissionIds ids = new SubmissionIds(clock, new Random(7));

    @Test
    void an_id_is_a_version_7_uuid_that_carries_the_millisecond_it_was_made() {
        UUID id = ids.get();

        assertEquals(7, id.version());
        assertEquals(2, id.variant(), "RFC 9562's variant (10 in the two top bits of the clock sequence)");
        assertEquals(T0.toEpochMilli(), SubmissionIds.millisOf(id));
        assertEquals(id, UUID.fromString(id.toString()), "the platform reads it as any UUID");
    }

    @Test
    void ids_grow_within_one_millisecond_across_milliseconds_and_when_the_clock_steps_back() {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) { // more than the 4,096 one millisecond's counter holds
            made.add(ids.get());
        }
        clock.advance(Duration.ofMillis(3));
        made.add(ids.get());
        clock.set(T0.minusSeconds(60)); // the clock was corrected backwards
        made.add(ids.get());
        made.add(ids.get());

        for (int i = 1; i < made.size(); i++) {
            assertTrue(compareUnsigned(made.get(i - 1), made.get(i)) < 0,
                    "id " + i + " is larger than the one before: " + made.get(i - 1) + " < " + made.get(i));
        }
        assertEquals(made.size(), new HashSet<>(made).size());
        assertEquals(T0.toEpochMilli() + 1, SubmissionIds.millisOf(made.get(4_999)),
                "the 4,097th id of a millisecond borrows the next one");
        assertEquals(T0.toEpochMilli() + 3, SubmissionIds.millisOf(made.get(5_000)));
        assertEquals(T0.toEpochMilli() + 3, SubmissionIds.millisOf(made.getLast()),
                "a clock stepped back does not make an id that sorts before the ones already sealed");
    }

    @Test
    void ids_sort_as_their_text_does_so_the_database_keeps_them_in_order() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            texts.add(ids.get().toString());
            clock.advance(Duration.ofNanos(400_000));
        }
        List<String> sorted = new ArrayList<>(texts);
        sorted.sort(null);
        assertEquals(sorted, texts);
    }

    @Test
    void ids_made_at_the_same_time_by_several_threads_are_all_different() throws Exception {
        SubmissionIds shared = new SubmissionIds(clock);
        Set<UUID> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2_000; i++) {
                    seen.add(shared.get());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(8_000, seen.size());
    }

    @Test
    void the_time_of_an_id_of_another_version_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> SubmissionIds.millisOf(UUID.randomUUID()));
    }

    private static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
