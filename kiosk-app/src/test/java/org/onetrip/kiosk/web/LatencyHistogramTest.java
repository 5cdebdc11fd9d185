package org.onetrip.kiosk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void every_value_lands_in_a_bucket_that_holds_it_and_is_at_most_a_sixteenth_wider_than_its_start() {
        for (long v = 0; v < 5_000_000; v = v < 100 ? v + 1 : v + v / 7 + 1) {
            int bucket = LatencyHistogram.bucketOf(v);
            long low = LatencyHistogram.lowerBound(bucket);
            long high = LatencyHistogram.upperBound(bucket);
            assertTrue(low <= v && v <= high, v + " in [" + low + ", " + high + "]");
            assertTrue(high - low + 1 <= Math.max(1, low / 16), "bucket of " + v + " is " + (high - low + 1) + " wide");
        }
    }

    @Test
    void buckets_follow_each_other_without_gaps() {
        for (int b = 1; b < LatencyHistogram.BUCKETS; b++) {
            assertEquals(LatencyHistogram.upperBound(b - 1) + 1, LatencyHistogram.lowerBound(b), "bucket " + b);
            assertEquals(b, LatencyHistogram.bucketOf(LatencyHistogram.lowerBound(b)));
        }
    }

    @Test
    void a_value_beyond_the_range_lands_in_the_last_bucket_and_still_counts_as_the_maximum() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.recordMicros(Long.MAX_VALUE);
        histogram.recordMicros(-5);
        LatencyHistogram.Snapshot s = histogram.snapshot();
        assertEquals(1, s.counts()[LatencyHistogram.BUCKETS - 1]);
        assertEquals(1, s.counts()[0], "a negative time (a clock step) counts as zero");
        assertEquals(Long.MAX_VALUE, s.maxMicros());
    }

    @Test
    void percentiles_of_one_to_a_thousand_microseconds_are_within_the_bucket_width() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int v = 1000; v >= 1; v--) {
            histogram.recordMicros(v);
        }
        LatencyHistogram.Snapshot s = histogram.snapshot();
        assertEquals(1000, s.count());
        assertBetween(500, s.percentileMicros(50), 500 * 17 / 16);
        assertBetween(950, s.percentileMicros(95), 1000);
        assertBetween(990, s.percentileMicros(99), 1000);
        assertEquals(1000, s.percentileMicros(100), "never above the largest value recorded");
        assertEquals(1, s.percentileMicros(0.01));
        assertEquals(0, LatencyHistogram.Snapshot.empty().percentileMicros(95));
    }

    @Test
    void the_difference_of_two_snapshots_holds_only_what_was_recorded_between_them() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 100; i++) {
            histogram.recordMicros(80_000);
        }
        LatencyHistogram.Snapshot warm = histogram.snapshot();
        for (int i = 0; i < 100; i++) {
            histogram.recordMicros(2_000);
        }
        LatencyHistogram.Snapshot window = histogram.snapshot().minus(warm);
        assertEquals(100, window.count());
        assertBetween(2_000, window.percentileMicros(99), 2_000 * 17 / 16);
        assertBetween(2_000, window.maxMicros(), 2_000 * 17 / 16);
        assertEquals(200, histogram.snapshot().count());
    }

    private static void assertBetween(long low, long actual, long high) {
        assertTrue(low <= actual && actual <= high, actual + " not in [" + low + ", " + high + "]");
    }
}
