package org.onetrip.kiosk.web;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed-bucket latency histogram in microseconds, in the manner of HdrHistogram with one and a bit significant
 * digits: values below 32 µs have a bucket each, above that every power of two is split into 16 buckets, so a
 * bucket is at most 1/16 (6.25 %) wider than its lower bound. 544 buckets reach 2^37 µs (38 hours); longer values
 * land in the last one. Recording is one atomic increment and one atomic max, no allocation and no lock, so any
 * number of request threads may record at once.
 */
public final class LatencyHistogram {
    static final int SUB_BITS = 5;
    static final int SUB = 1 << SUB_BITS;
    static final int HALF = SUB / 2;
    static final int MAX_EXPONENT = 32;
    /** Number of buckets: {@value #SUB} exact ones, then {@value #HALF} per power of two up to 2^37 µs. */
    public static final int BUCKETS = SUB + MAX_EXPONENT * HALF;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong max = new AtomicLong();

    public void recordMicros(long micros) {
        long value = Math.max(0, micros);
        counts.incrementAndGet(bucketOf(value));
        max.accumulateAndGet(value, Math::max);
    }

    /** The counts so far; two snapshots subtract to the requests between them. */
    public Snapshot snapshot() {
        long[] copy = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            copy[i] = counts.get(i);
        }
        return new Snapshot(copy, max.get());
    }

    static int bucketOf(long micros) {
        if (micros < SUB) {
            return (int) micros;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros) - (SUB_BITS - 1);
        if (exponent > MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int sub = (int) (micros >>> exponent);
        return SUB + (exponent - 1) * HALF + (sub - HALF);
    }

    /** The smallest value that lands in {@code bucket}. */
    static long lowerBound(int bucket) {
        if (bucket < SUB) {
            return bucket;
        }
        int exponent = (bucket - SUB) / HALF + 1;
        long sub = (bucket - SUB) % HALF + HALF;
        return sub << exponent;
    }

    /** The largest value that lands in {@code bucket} (for the last bucket: its nominal end). */
    static long upperBound(int bucket) {
        return bucket + 1 < BUCKETS ? lowerBound(bucket + 1) - 1 : (2L * HALF << MAX_EXPONENT) - 1;
    }

    /**
     * Counts per bucket at one moment, with the largest value recorded until then.
     *
     * @param counts     {@link #BUCKETS} counts, index = bucket
     * @param maxMicros  the largest recorded value (for a difference of snapshots: the upper bound of its highest
     *                   non-empty bucket, at most the newer snapshot's maximum)
     */
    public record Snapshot(long[] counts, long maxMicros) {
        public Snapshot {
            if (counts.length != BUCKETS) {
                throw new IllegalArgumentException("a snapshot has " + BUCKETS + " buckets, got " + counts.length);
            }
            counts = counts.clone();
        }

        public static Snapshot empty() {
            return new Snapshot(new long[BUCKETS], 0);
        }

        public long count() {
            return Arrays.stream(counts).sum();
        }

        /**
         * The value at or below which {@code percent} of the recorded values lie, as the upper bound of its bucket
         * (never above the maximum recorded): an over-estimate by at most 6.25 %. 0 when nothing was recorded.
         */
        public long percentileMicros(double percent) {
            long total = count();
            if (total == 0) {
                return 0;
            }
            long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * total));
            long seen = 0;
            for (int i = 0; i < BUCKETS; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return Math.min(upperBound(i), maxMicros);
                }
            }
            return maxMicros;
        }

        /** What was recorded after {@code earlier} (a snapshot of the same histogram taken before this one). */
        public Snapshot minus(Snapshot earlier) {
            long[] difference = new long[BUCKETS];
            int highest = -1;
            for (int i = 0; i < BUCKETS; i++) {
                difference[i] = counts[i] - earlier.counts[i];
                if (difference[i] < 0) {
                    throw new IllegalArgumentException("the earlier snapshot has more in bucket " + i);
                }
                if (difference[i] > 0) {
                    highest = i;
                }
            }
            return new Snapshot(difference, highest < 0 ? 0 : Math.min(upperBound(highest), maxMicros));
        }
    }
}
