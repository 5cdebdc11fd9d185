package org.onetrip.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;
import org.junit.jupiter.api.Test;

class AfterFirstScreenTest {
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final LifeCycle.Listener quiet = new LifeCycle.Listener() {
    };

    @Test
    void the_late_parts_start_in_order_only_once_the_first_page_was_served() throws Exception {
        CompletableFuture<Void> firstPage = new CompletableFuture<>();
        AfterFirstScreen late = new AfterFirstScreen(List.of(new Part("catalog"), new Part("uplink"),
                new Part("sync")), firstPage, Duration.ZERO, Duration.ofMinutes(5), quiet);

        late.start();
        assertFalse(late.done().isDone());
        assertTrue(events.isEmpty(), "nothing starts before a screen asked for its page");

        firstPage.complete(null);
        late.done().get(10, TimeUnit.SECONDS);
        assertEquals(List.of("start catalog", "start uplink", "start sync"), events);

        late.stop();
        assertEquals(List.of("start catalog", "start uplink", "start sync", "stop sync", "stop uplink",
                "stop catalog"), events);
    }

    @Test
    void without_any_screen_the_queue_starts_anyway_and_a_failing_part_does_not_keep_the_rest_back()
            throws Exception {
        AfterFirstScreen late = new AfterFirstScreen(List.of(new Part("catalog"), new Failing(), new Part("sync")),
                new CompletableFuture<>(), Duration.ZERO, Duration.ofMillis(1), quiet);

        late.start();
        late.done().get(10, TimeUnit.SECONDS);

        assertEquals(List.of("start catalog", "start sync"), events);
        late.stop();
        assertEquals(List.of("start catalog", "start sync", "stop sync", "stop catalog"), events);
    }

    @Test
    void stopped_before_the_first_page_it_starts_nothing() throws Exception {
        CompletableFuture<Void> firstPage = new CompletableFuture<>();
        AfterFirstScreen late = new AfterFirstScreen(List.of(new Part("sync")), firstPage, Duration.ZERO,
                Duration.ofMinutes(5), quiet);
        late.start();

        late.stop();
        late.done().get(10, TimeUnit.SECONDS);
        firstPage.complete(null);

        assertTrue(events.isEmpty());
    }

    private class Part extends AbstractLifeCycle {
        private final String name;

        Part(String name) {
            this.name = name;
        }

        @Override
        protected void doStart() {
            events.add("start " + name);
        }

        @Override
        protected void doStop() {
            events.add("stop " + name);
        }
    }

    private static final class Failing extends AbstractLifeCycle {
        @Override
        protected void doStart() {
            throw new IllegalStateException("port in use");
        }
    }
}
