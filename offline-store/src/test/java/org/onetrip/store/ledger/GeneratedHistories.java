package org.onetrip.store.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.onetrip.store.feedback.FeedbackStore;
import org.onetrip.store.submission.SubmissionDraft;
import org.onetrip.store.submission.SubmissionStatus;
import org.onetrip.store.testing.StoreFixture;

/**
 * Deterministic random case histories for a point: each case sealed at some moment of 60 days, then moved by the
 * platform through statuses (sometimes a 补正 round, sometimes finished, sometimes still open), sometimes rated.
 * {@link #applyTo} replays them in time order through the real store; the lists kept here are what the
 * independent expectations are computed from.
 */
final class GeneratedHistories {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant FIRST = Instant.parse("2026-03-01T00:30:00Z");
    static final String[][] ITEMS = {
            {"11340121MB1234567X4000117009000", "城乡居民基本养老保险参保登记"},
            {"11340121MB1234567X4000117009001", "高龄津贴申领"},
            {"11340121MB1234567X4000117009002", "农村低保申请"},
    };

    record Status(SubmissionStatus status, String note, Instant at) {
    }

    record Case(UUID id, String taskCode, String itemName, String phone, Instant sealedAt, LocalDate promisedBy,
                List<String> stillToBring, List<Status> statuses, List<Map.Entry<Integer, Instant>> ratings) {
    }

    final List<Case> cases = new ArrayList<>();

    GeneratedHistories(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            String[] item = ITEMS[r.nextInt(ITEMS.length)];
            Instant sealed = FIRST.plus(Duration.ofMinutes(r.nextLong(60L * 24 * 60)));
            LocalDate promised = LocalDate.ofInstant(sealed, ZONE).plusDays(1 + r.nextInt(20));
            List<String> bring = r.nextInt(5) == 0 ? List.of("户口簿原件") : List.of();
            List<Status> statuses = new ArrayList<>();
            Instant t = sealed.plus(Duration.ofMinutes(1 + r.nextInt(600)));
            statuses.add(new Status(SubmissionStatus.SENT, null, t));
            int steps = r.nextInt(5);
            if (steps >= 1) {
                t = t.plus(Duration.ofHours(1 + r.nextInt(48)));
                statuses.add(new Status(SubmissionStatus.ACCEPTED, null, t));
            }
            if (steps >= 2 && r.nextInt(3) == 0) {
                t = t.plus(Duration.ofHours(1 + r.nextInt(72)));
                statuses.add(new Status(SubmissionStatus.NEEDS_CORRECTION, "请补交材料第" + (i % 7) + "页", t));
                if (r.nextBoolean()) {
                    t = t.plus(Duration.ofHours(1 + r.nextInt(72)));
                    statuses.add(new Status(SubmissionStatus.IN_PROGRESS, null, t));
                }
            }
            if (steps >= 3 && statuses.getLast().status() != SubmissionStatus.NEEDS_CORRECTION) {
                t = t.plus(Duration.ofHours(1 + r.nextInt(24 * 15)));
                SubmissionStatus end = switch (r.nextInt(4)) {
                    case 0 -> SubmissionStatus.REJECTED;
                    case 1 -> SubmissionStatus.DELIVERED;
                    default -> SubmissionStatus.DONE;
                };
                statuses.add(new Status(end, null, t));
                if (end == SubmissionStatus.DONE && r.nextBoolean()) {
                    t = t.plus(Duration.ofHours(1 + r.nextInt(48)));
                    statuses.add(new Status(SubmissionStatus.DELIVERED, null, t));
                }
            }
            List<Map.Entry<Integer, Instant>> ratings = new ArrayList<>();
            if (r.nextInt(3) > 0) {
                ratings.add(Map.entry(1 + r.nextInt(5), sealed.plus(Duration.ofMinutes(2 + r.nextInt(3000)))));
            }
            cases.add(new Case(new UUID(seed, i), item[0], item[1], "139" + String.format("%08d", r.nextInt(1 << 26)),
                    sealed, promised, bring, statuses, ratings));
        }
    }

    /** Replays every seal, status and rating in time order on the fixture's clock. */
    void applyTo(StoreFixture f, FeedbackStore feedback) {
        record Event(Instant at, Runnable run) {
        }
        List<Event> events = new ArrayList<>();
        for (Case c : cases) {
            events.add(new Event(c.sealedAt(), () -> f.store.seal(draft(c))));
            for (Status s : c.statuses()) {
                events.add(new Event(s.at(), () -> f.outbox.statusChanged(c.id(), s.status(), s.note(), "P-" + c.id(),
                        s.at())));
            }
            for (Map.Entry<Integer, Instant> rating : c.ratings()) {
                events.add(new Event(rating.getValue(), () -> feedback.rate(c.id(), rating.getKey(), "")));
            }
        }
        events.sort(Comparator.comparing(Event::at));
        for (Event e : events) {
            f.clock.set(e.at());
            e.run().run();
        }
    }

    private static SubmissionDraft draft(Case c) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "王秀兰");
        fields.put("idNumber", "340121194803120024");
        fields.put("phone", c.phone());
        return new SubmissionDraft(c.id(), c.taskCode(), c.itemName(), 1, "340121100004", "王秀兰",
                "340121194803120024", "王*兰 340121********0024", fields, "WINDOW", c.promisedBy(), c.stillToBring());
    }
}
