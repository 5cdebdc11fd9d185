package org.onetrip.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a received submission's status advances: each {@link Step} happens {@code after} its receipt. Every
 * {@code correctionEvery}-th submission by receipt order (counting all terminals, from 1) ends in
 * {@value #NEEDS_CORRECTION} with {@link #CORRECTION_NOTE} instead of the final step; 0 means never.
 *
 * @param steps           in order of {@code after} (non-decreasing); may be empty (statuses never change)
 * @param correctionEvery 0, or the period of submissions that need correction
 */
public record StatusSchedule(List<Step> steps, int correctionEvery) {
    public static final String NEEDS_CORRECTION = "NEEDS_CORRECTION";
    public static final String CORRECTION_NOTE = "请补充提交户口簿首页复印件";

    /**
     * One status change, {@code after} the receipt.
     *
     * @param note shown to the resident; may be null (sent as JSON null)
     */
    public record Step(Duration after, String status, String note) {
        public Step {
            if (after == null || after.isNegative()) {
                throw new IllegalArgumentException("status schedule: a step's 'after' must be zero or positive");
            }
            if (status == null || status.isBlank()) {
                throw new IllegalArgumentException("status schedule: a step needs a status such as ACCEPTED");
            }
        }
    }

    public StatusSchedule {
        steps = List.copyOf(Objects.requireNonNull(steps, "status schedule: steps is null; use List.of()"));
        if (correctionEvery < 0) {
            throw new IllegalArgumentException("status schedule: correctionEvery is " + correctionEvery
                    + "; use 0 (never) or a positive period");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).after().compareTo(steps.get(i - 1).after()) < 0) {
                throw new IllegalArgumentException("status schedule: step " + (i + 1) + " ("
                        + steps.get(i).status() + ") comes before step " + i + "; order the steps by 'after'");
            }
        }
    }

    /** ACCEPTED after 3 s, IN_PROGRESS after 20 s, DONE after 60 s; every 5th submission needs correction. */
    public static StatusSchedule demo() {
        return new StatusSchedule(List.of(
                new Step(Duration.ofSeconds(3), "ACCEPTED", "已受理"),
                new Step(Duration.ofSeconds(20), "IN_PROGRESS", "正在办理"),
                new Step(Duration.ofSeconds(60), "DONE", "已办结")), 5);
    }

    /** The steps of the submission received {@code receiptNo}-th (from 1). */
    public List<Step> stepsFor(long receiptNo) {
        if (correctionEvery == 0 || steps.isEmpty() || receiptNo % correctionEvery != 0) {
            return steps;
        }
        List<Step> corrected = new ArrayList<>(steps);
        Step last = corrected.removeLast();
        corrected.add(new Step(last.after(), NEEDS_CORRECTION, CORRECTION_NOTE));
        return List.copyOf(corrected);
    }
}
