package org.onetrip.store.bench;

import java.security.SecureRandom;
import java.util.Arrays;

import org.onetrip.store.staff.PinHash;

/**
 * What the staff PIN's slowness costs and buys: the time of one PIN check (PBKDF2-HMAC-SHA256) at 100k and at the
 * roster tool's default iterations — the wait of an agent at sign-in — and, from it, how long one core needs to
 * try all six-digit PINs against a stolen roster entry.
 * {@code bench/run.sh offline-store org.onetrip.store.bench.PinHashBenchmark [ROUNDS]}
 */
public final class PinHashBenchmark {
    private PinHashBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        SecureRandom random = new SecureRandom();
        for (int iterations : new int[] {PinHash.MIN_ITERATIONS, PinHash.DEFAULT_ITERATIONS}) {
            PinHash hash = PinHash.of("246810", iterations, random);
            for (int i = 0; i < 3; i++) {
                hash.matches("000000"); // warm-up
            }
            long[] nanos = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                hash.matches("000000");
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            double medianMs = nanos[rounds / 2] / 1e6;
            double allPinsHours = medianMs * 1_000_000 / 1000 / 3600;
            System.out.printf("PBKDF2-HMAC-SHA256 %,d iterations: PIN check median %.1f ms (min %.1f, max %.1f, %d"
                            + " rounds); all 10^6 six-digit PINs on one core: %.1f h%n", iterations, medianMs,
                    nanos[0] / 1e6, nanos[rounds - 1] / 1e6, rounds, allPinsHours);
        }
    }
}
