package org.onetrip.store.ledger;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One day ({@code 2026-03-02}) or month ({@code 2026-03}) of statistics; see {@link CaseStatistics} for what each
 * figure counts.
 *
 * @param byItem   cases sealed in the period by item name
 * @param oneTrip  of {@code cases}, those finished in one trip
 * @param finished cases first DONE or DELIVERED in the period
 * @param ratings  ratings given in the period, by level (5 非常满意 … 1 非常不满意); every level present
 */
public record PeriodStats(String period, int cases, Map<String, Integer> byItem, int oneTrip, int finished,
                          OptionalDouble averageDaysToFinish, Map<Integer, Integer> ratings) {
    public PeriodStats {
        byItem = Map.copyOf(byItem);
        ratings = Map.copyOf(ratings);
    }

    /** Share of the period's cases finished in one trip, 0–1; empty without cases. */
    public OptionalDouble oneTripShare() {
        return cases == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) oneTrip / cases);
    }

    public int ratingCount() {
        return ratings.values().stream().mapToInt(Integer::intValue).sum();
    }

    static final class Builder {
        private final String period;
        private int cases;
        private final Map<String, Integer> byItem = new TreeMap<>();
        private int oneTrip;
        private int finished;
        private long finishSeconds;
        private final Map<Integer, Integer> ratings = new TreeMap<>(Map.of(1, 0, 2, 0, 3, 0, 4, 0, 5, 0));

        Builder(String period) {
            this.period = period;
        }

        void sealed(String itemName, boolean inOneTrip) {
            cases++;
            byItem.merge(itemName, 1, Integer::sum);
            if (inOneTrip) {
                oneTrip++;
            }
        }

        void finished(Duration took) {
            finished++;
            finishSeconds += took.toSeconds();
        }

        void rated(int rating) {
            ratings.merge(rating, 1, Integer::sum);
        }

        PeriodStats build() {
            return new PeriodStats(period, cases, byItem, oneTrip, finished,
                    finished == 0 ? OptionalDouble.empty() : OptionalDouble.of(finishSeconds / 86_400.0 / finished),
                    ratings);
        }
    }
}
