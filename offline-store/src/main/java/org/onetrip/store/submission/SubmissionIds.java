package org.onetrip.store.submission;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * New submission ids: time-ordered UUIDs (RFC 9562 version 7). The first 48 bits are the milliseconds since 1970
 * by the terminal's clock, the next 12 a counter within that millisecond, the last 62 random. Each id this
 * generator makes is larger than the one before (also as text, the way the store keeps it), also when the clock steps
 * back or several ids fall in one millisecond. Across restarts with a clock set back, ids may sort before older ones:
 * that costs only page locality; uniqueness rests on the random bits.
 *
 * <p>Why not random (version 4) ids: the id is the key of the submission's index and of the outbox. A random key
 * lands each seal on a different leaf page of both, so a WAL checkpoint writes a page scattered somewhere in the
 * file for nearly every seal; with ids in order, seals append to the same last pages. On a store of 68,000
 * submissions a checkpoint writes back a fifth of the pages, one sealer seals a quarter faster and four half again as
 * fast on this project's VM (docs/benchmarks.md); on an SD card, where scattered writes are what is slow, it should
 * matter more. The platform sees an ordinary UUID (DESIGN.md's contract asks for a UUID, of any version), and
 * the 62 random bits keep an id unguessable from another.
 *
 * <p>Thread-safe. What the id reveals, the time of sealing, the sealed body carries and the receipt prints anyway.
 */
public final class SubmissionIds implements Supplier<UUID> {
    private static final long COUNTER_MAX = 0xFFF;

    private final Clock clock;
    private final Random random;
    private long lastMillis = Long.MIN_VALUE;
    private long counter;

    /** Ids by {@code clock}, their random bits from a {@link SecureRandom}. */
    public SubmissionIds(Clock clock) {
        this(clock, new SecureRandom());
    }

    /** Ids by {@code clock} and {@code random} (a seeded one in tests). */
    public SubmissionIds(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public UUID get() {
        long millis;
        long count;
        synchronized (this) {
            millis = Math.max(clock.millis(), lastMillis);
            if (millis == lastMillis) {
                if (counter == COUNTER_MAX) {
                    millis++; // 4,096 ids in one millisecond: borrow the next one, as RFC 9562 §6.2 allows
                    counter = 0;
                } else {
                    counter++;
                }
            } else {
                counter = 0;
            }
            lastMillis = millis;
            count = counter;
        }
        long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | count;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** The millisecond an id of this kind was made at, by the clock that made it. */
    public static long millisOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("submission id " + id + " is version " + id.version() + ", not 7");
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
