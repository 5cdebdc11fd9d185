package org.onetrip.kiosk.web;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Server time of the web server's requests, one {@link LatencyHistogram} per kind: the UI interactions (Vaadin's
 * UIDL posts: a tap, a typed value, a navigation), whole page loads, and everything else (heartbeats, static
 * files). Filled by {@link RequestTimingHandler}; read by benchmarks at {@code GET /health/timings}.
 */
public final class RequestTimings {
    /** What a request was, as far as its timing is concerned. */
    public enum Kind {
        /** A Vaadin UIDL post ({@code ?v-r=uidl}): one interaction of the resident with the screen. */
        UIDL,
        /** A page load: a GET of a route (the bootstrap page), not of a file or a Vaadin request. */
        PAGE,
        /** Heartbeats, static files, Vaadin's other requests. */
        OTHER;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<Kind, LatencyHistogram> histograms = new EnumMap<>(Kind.class);
    private final Map<Kind, LatencyHistogram> cpu = new EnumMap<>(Kind.class);

    public RequestTimings() {
        for (Kind kind : Kind.values()) {
            histograms.put(kind, new LatencyHistogram());
            cpu.put(kind, new LatencyHistogram());
        }
    }

    private final CompletableFuture<Void> firstScreen = new CompletableFuture<>();

    /** Server time: from the request reaching the web app to its response being complete. */
    public void record(Kind kind, long micros) {
        histograms.get(kind).recordMicros(micros);
    }

    /**
     * Completes when a browser first opened Vaadin's push channel: its client engine has loaded and drawn the
     * first screen (the channel is opened right after), the closest the server gets to "the screen is up".
     */
    public CompletableFuture<Void> firstScreen() {
        return firstScreen;
    }

    void pushOpened() {
        firstScreen.complete(null);
    }

    /**
     * CPU time of the thread that handled the request, while it was in the web app: what the request costs
     * whatever else runs on the machine (on a busy machine the server time also holds the wait for a core).
     */
    public void recordCpu(Kind kind, long micros) {
        cpu.get(kind).recordMicros(micros);
    }

    public LatencyHistogram.Snapshot snapshot(Kind kind) {
        return histograms.get(kind).snapshot();
    }

    public LatencyHistogram.Snapshot cpuSnapshot(Kind kind) {
        return cpu.get(kind).snapshot();
    }

    /**
     * {@code {"uidl":{"count":…,"p50Us":…,"p95Us":…,"p99Us":…,"maxUs":…,"buckets":[[index,count],…]},"page":…,
     * "other":…,"uidl.cpu":…,"page.cpu":…,"other.cpu":…}}: percentiles since start, and the non-empty buckets so
     * that a reader can subtract two readings.
     */
    public String json() {
        StringBuilder json = new StringBuilder(256).append('{');
        for (Kind kind : Kind.values()) {
            append(json.append(kind.ordinal() > 0 ? "," : ""), kind.key(), snapshot(kind));
        }
        for (Kind kind : Kind.values()) {
            append(json.append(','), kind.key() + ".cpu", cpuSnapshot(kind));
        }
        return json.append("}\n").toString();
    }

    private static void append(StringBuilder json, String key, LatencyHistogram.Snapshot s) {
        json.append('"').append(key).append("\":{\"count\":").append(s.count())
                .append(",\"p50Us\":").append(s.percentileMicros(50))
                .append(",\"p95Us\":").append(s.percentileMicros(95))
                .append(",\"p99Us\":").append(s.percentileMicros(99))
                .append(",\"maxUs\":").append(s.maxMicros())
                .append(",\"buckets\":[");
        boolean first = true;
        for (int i = 0; i < LatencyHistogram.BUCKETS; i++) {
            if (s.counts()[i] > 0) {
                json.append(first ? "" : ",").append('[').append(i).append(',').append(s.counts()[i]).append(']');
                first = false;
            }
        }
        json.append("]}");
    }
}
