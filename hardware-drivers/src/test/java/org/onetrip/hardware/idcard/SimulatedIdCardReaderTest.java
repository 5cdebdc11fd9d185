package org.onetrip.hardware.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Events are waited for with a bounded poll: a wait for an event, not a sleep. */
class SimulatedIdCardReaderTest {
    private static final long WAIT_SECONDS = 5;

    private final SimulatedIdCardReader reader = new SimulatedIdCardReader();
    private final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();

    private record Heard(IdCardEvent event, String thread) {
    }

    @AfterEach
    void stop() throws Exception {
        reader.stop();
    }

    @Test
    void a_card_placed_and_taken_off_reaches_listeners_on_the_readers_own_thread() throws Exception {
        start();
        IdentityCard card = DemoCards.all().getFirst();

        reader.insertCard(card);
        reader.removeCard();

        Heard read = next();
        assertEquals(new IdCardEvent.CardRead(card), read.event());
        assertEquals("id-reader-simulated", read.thread());
        assertInstanceOf(IdCardEvent.CardRemoved.class, next().event());
        assertNull(heard.poll(), "nothing more");
    }

    @Test
    void taking_off_a_card_that_is_not_there_says_nothing() throws Exception {
        start();
        IdentityCard card = DemoCards.all().getFirst();

        reader.removeCard();
        reader.insertCard(card);

        assertEquals(new IdCardEvent.CardRead(card), next().event(), "no CardRemoved came first");
    }

    @Test
    void an_unreadable_card_is_reported_with_its_reason() throws Exception {
        start();

        reader.insertUnreadableCard("校验失败");

        assertEquals(new IdCardEvent.CardUnreadable("校验失败"), next().event());
        assertTrue(reader.isHealthy(), "a bad card is not a bad reader");
    }

    @Test
    void a_fault_and_the_recovery_name_the_device_and_change_its_health() throws Exception {
        start();

        reader.fault("SAM no answer");
        Heard fault = next();
        boolean healthyDuringFault = reader.isHealthy();
        reader.recover();
        Heard back = next();

        assertEquals(new IdCardEvent.ReaderFault("id-reader[simulated]", "SAM no answer"), fault.event());
        assertFalse(healthyDuringFault);
        assertEquals(new IdCardEvent.ReaderBack("id-reader[simulated]"), back.event());
        assertTrue(reader.isHealthy());
        assertEquals("id-reader-simulated", back.thread());
    }

    @Test
    void a_throwing_listener_does_not_keep_the_event_from_the_others() throws Exception {
        reader.addListener(event -> {
            throw new IllegalStateException("a listener with a bug");
        });
        start();
        IdentityCard card = DemoCards.all().get(1);

        reader.insertCard(card);
        Heard first = next();
        reader.removeCard();
        Heard second = next();

        assertEquals(new IdCardEvent.CardRead(card), first.event());
        assertInstanceOf(IdCardEvent.CardRemoved.class, second.event(), "the event thread survived the failure");
    }

    @Test
    void a_removed_listener_hears_nothing_more() throws Exception {
        BlockingQueue<IdCardEvent> other = new LinkedBlockingQueue<>();
        IdCardListener removed = other::add;
        reader.addListener(removed);
        start();
        reader.insertUnreadableCard("first");
        next();
        assertNotNull(other.poll(WAIT_SECONDS, TimeUnit.SECONDS));

        reader.removeListener(removed);
        reader.insertUnreadableCard("second");
        next();

        assertNull(other.poll(), "the removed listener did not hear the second event");
    }

    @Test
    void knobs_refuse_to_work_on_a_reader_that_is_not_started() throws Exception {
        IllegalStateException notStarted = assertThrows(IllegalStateException.class,
                () -> reader.insertCard(DemoCards.all().getFirst()));
        assertTrue(notStarted.getMessage().contains("id-reader[simulated]"), notStarted.getMessage());
        assertFalse(reader.isHealthy());

        start();
        reader.stop();

        assertThrows(IllegalStateException.class, () -> reader.insertUnreadableCard("after stop"));
        assertFalse(reader.isHealthy());
    }

    @Test
    void it_can_be_started_again_after_a_stop() throws Exception {
        start();
        reader.stop();
        reader.start();

        reader.insertUnreadableCard("again");

        assertEquals(new IdCardEvent.CardUnreadable("again"), next().event());
        assertTrue(reader.toString().contains("STARTED"), reader.toString());
    }

    private void start() throws Exception {
        reader.addListener(event -> heard.add(new Heard(event, Thread.currentThread().getName())));
        reader.start();
    }

    private Heard next() throws InterruptedException {
        Heard next = heard.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(next, "no event within " + WAIT_SECONDS + " s");
        return next;
    }
}
