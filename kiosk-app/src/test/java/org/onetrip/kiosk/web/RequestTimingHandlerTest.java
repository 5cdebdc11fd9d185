package org.onetrip.kiosk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The timing hook on a real loopback Jetty, in front of an app that moves a fake clock by as many milliseconds as
 * the request's {@code ms} parameter says, and completes some responses from another thread after returning.
 */
class RequestTimingHandlerTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong cpuNanos = new AtomicLong();
    private final RequestTimings timings = new RequestTimings();
    private final HttpClient client = HttpClient.newHttpClient();
    private Server server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new RequestTimingHandler(new ClockMovingApp(), timings, nanos::get, cpuNanos::get));
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void a_uidl_post_is_timed_as_an_interaction_and_a_route_as_a_page_load() throws Exception {
        post("/?v-r=uidl&v-uiId=0&ms=7");
        post("/?v-r=uidl&v-uiId=0&ms=12");
        get("/items?ms=30");
        get("/VAADIN/build/bundle.js?ms=3");
        get("/?v-r=heartbeat&ms=1");

        LatencyHistogram.Snapshot uidl = timings.snapshot(RequestTimings.Kind.UIDL);
        assertEquals(2, uidl.count());
        assertEquals(7_000, uidl.percentileMicros(50), 7_000 / 16.0);
        assertEquals(12_000, uidl.maxMicros());
        assertEquals(30_000, timings.snapshot(RequestTimings.Kind.PAGE).maxMicros());
        assertEquals(2, timings.snapshot(RequestTimings.Kind.OTHER).count());
    }

    @Test
    void the_cpu_time_the_handling_thread_spent_in_the_app_is_recorded_beside_the_server_time() throws Exception {
        post("/?v-r=uidl&ms=40&cpu=3");
        assertEquals(40_000, timings.snapshot(RequestTimings.Kind.UIDL).maxMicros());
        assertEquals(3_000, timings.cpuSnapshot(RequestTimings.Kind.UIDL).maxMicros());
        assertTrue(get(RequestTimingHandler.PATH).body().contains("\"uidl.cpu\":{\"count\":1,\"p50Us\":3000,"));
    }

    @Test
    void a_response_completed_after_the_handler_returned_is_timed_to_its_completion() throws Exception {
        post("/?v-r=uidl&ms=0&later=45");
        assertEquals(45_000, timings.snapshot(RequestTimings.Kind.UIDL).maxMicros());
    }

    @Test
    void the_push_channel_is_not_timed_because_it_lives_as_long_as_the_page() throws Exception {
        get("/?v-r=push&ms=5000");
        for (RequestTimings.Kind kind : RequestTimings.Kind.values()) {
            assertEquals(0, timings.snapshot(kind).count(), kind.key());
        }
    }

    @Test
    void the_first_screen_counts_as_up_when_a_browser_opens_the_push_channel_not_when_it_fetches_the_page()
            throws Exception {
        get("/apply?ms=3");
        assertEquals(1, timings.snapshot(RequestTimings.Kind.PAGE).count(), "the page was served");
        assertFalse(timings.firstScreen().isDone(), "a page fetched is not yet a screen drawn");

        get("/?v-r=push&ms=1");

        assertTrue(timings.firstScreen().isDone());
    }

    @Test
    void the_readings_are_served_as_json_with_their_buckets_and_are_not_timed_themselves() throws Exception {
        post("/?v-r=uidl&ms=7");
        HttpResponse<String> json = get(RequestTimingHandler.PATH);
        assertEquals(200, json.statusCode());
        int bucket = LatencyHistogram.bucketOf(7_000);
        assertTrue(json.body().startsWith("{\"uidl\":{\"count\":1,\"p50Us\":7000,\"p95Us\":7000,\"p99Us\":7000,"
                + "\"maxUs\":7000,\"buckets\":[[" + bucket + ",1]]},\"page\":{\"count\":0,"), json.body());
        get(RequestTimingHandler.PATH);
        assertEquals(0, timings.snapshot(RequestTimings.Kind.PAGE).count());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void post(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
    }

    private final class ClockMovingApp extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            var parameters = Request.extractQueryParameters(request);
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(Long.parseLong(parameters.getValue("ms"))));
            String cpu = parameters.getValue("cpu");
            cpuNanos.addAndGet(cpu == null ? 0 : TimeUnit.MILLISECONDS.toNanos(Long.parseLong(cpu)));
            String later = parameters.getValue("later");
            response.setStatus(200);
            if (later == null) {
                callback.succeeded();
            } else {
                Thread.ofVirtual().start(() -> {
                    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(Long.parseLong(later)));
                    callback.succeeded();
                });
            }
            return true;
        }
    }
}
