package org.onetrip.hardware.idcard.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.IdCardEvent;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.serial.JSerialCommLink;
import org.onetrip.hardware.serial.SerialNatives;
import org.onetrip.hardware.serial.Socat;

/**
 * The real driver against a reader emulated on a socat pseudo-terminal: real bytes over a real tty, the device
 * end speaking the SAM protocol. Events are awaited with a bounded wait.
 */
class SerialIdCardReaderPtyTest {
    private static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path dir;
    private Socat socat;
    private SamReaderEmulator emulator;
    private SerialIdCardReader reader;
    private final BlockingQueue<Timed> events = new LinkedBlockingQueue<>();

    private record Timed(IdCardEvent event, long nanos) {
    }

    @BeforeEach
    void plugIn() throws Exception {
        SerialNatives.extractTo(dir.resolve("native"));
        socat = Socat.start(dir);
        emulator = SamReaderEmulator.start(socat.device());
        reader = new SerialIdCardReader(new SerialIdCardReader.Settings(socat.host(), POLL, Duration.ofMillis(100),
                new SamSession.Timing(250, 400)), JSerialCommLink::open);
        reader.addListener(e -> events.add(new Timed(e, System.nanoTime())));
    }

    @AfterEach
    void unplug() throws Exception {
        reader.stop();
        emulator.close();
        socat.close();
    }

    @Test
    void a_resident_card_is_read_with_its_latest_appended_address_and_the_sam_id_is_known() throws Exception {
        reader.start();
        IdentityCard wang = TestCards.wang();
        emulator.insertCard(TestCards.residentText(wang), TestCards.appendedAddresses("安徽省合肥市长丰县双墩镇1号",
                "安徽省合肥市长丰县水湖镇新街8号"));

        IdentityCard read = next(IdCardEvent.CardRead.class).card();

        assertEquals(wang.idNumber(), read.idNumber());
        assertEquals("王秀兰", read.name());
        assertEquals("汉", read.nation());
        assertEquals(Optional.empty(), read.validUntil(), "born before 1970: a long-term (长期) card");
        assertEquals("安徽省合肥市长丰县水湖镇新街8号", read.address(), "the newest appended address is the current one");
        assertEquals(Optional.of("05.01-20142732-000012345-1234567890"), reader.samId());
        assertTrue(reader.isHealthy());
    }

    @Test
    void a_foreign_permanent_resident_card_is_read() throws Exception {
        reader.start();
        emulator.insertCard(TestCards.foreignText());

        IdentityCard read = next(IdCardEvent.CardRead.class).card();

        assertEquals(IdentityCard.CardType.FOREIGN_PERMANENT_RESIDENT, read.type());
        assertEquals("CAN110075061501", read.idNumber());
        assertEquals("史密斯", read.name());
        assertEquals(LocalDate.of(1975, 6, 15), read.birthDate());
        assertEquals(0, emulator.received(SamCommand.READ_APPENDED_ADDRESS), "foreign cards carry no appended address");
    }

    @Test
    void answers_arriving_in_small_fragments_are_put_together() throws Exception {
        emulator.fragment = 97;
        reader.start();
        emulator.insertCard(TestCards.residentText(TestCards.wang()));

        assertEquals(TestCards.wang().idNumber(), next(IdCardEvent.CardRead.class).card().idNumber());
    }

    @Test
    void noise_before_the_preamble_is_skipped() throws Exception {
        emulator.noiseBeforeAnswers = new byte[]{0x00, (byte) 0xAA, 0x13, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x7F};
        reader.start();
        emulator.insertCard(TestCards.residentText(TestCards.wang()));

        assertEquals(TestCards.wang().idNumber(), next(IdCardEvent.CardRead.class).card().idNumber());
    }

    @Test
    void an_answer_with_a_bad_checksum_is_asked_for_again() throws Exception {
        reader.start();
        awaitCommand(SamCommand.FIND_CARD, 2);
        emulator.corruptAnswers.set(1);
        emulator.insertCard(TestCards.residentText(TestCards.wang()));

        assertEquals(TestCards.wang().idNumber(), next(IdCardEvent.CardRead.class).card().idNumber());
        assertTrue(reader.isHealthy());
    }

    @Test
    void a_card_that_keeps_failing_to_read_is_reported_unreadable_once_and_not_hammered() throws Exception {
        emulator.readSw3 = 0x41;
        reader.start();
        emulator.insertCard(TestCards.residentText(TestCards.wang()));

        IdCardEvent.CardUnreadable unreadable = next(IdCardEvent.CardUnreadable.class);
        assertTrue(unreadable.reason().contains("READ_FAILED"), unreadable.reason());
        int reads = emulator.received(SamCommand.READ_TEXT_AND_PHOTO);
        awaitCommand(SamCommand.FIND_CARD, emulator.received(SamCommand.FIND_CARD) + 5);
        assertEquals(reads, emulator.received(SamCommand.READ_TEXT_AND_PHOTO), "no more reads until the card leaves");
        assertTrue(reader.isHealthy(), "a bad card is not a reader fault");
    }

    @Test
    void a_card_whose_number_fails_its_check_character_is_unreadable_and_never_trusted() throws Exception {
        reader.start();
        emulator.insertCard(TestCards.residentText("王秀兰", "2", "01", "19480312", "安徽省合肥市长丰县",
                "340121194803120021", "长丰县公安局", "20160520", "长期"));

        IdCardEvent.CardUnreadable unreadable = next(IdCardEvent.CardUnreadable.class);
        assertTrue(unreadable.reason().contains("check character"), unreadable.reason());
        assertFalse(unreadable.reason().contains("340121"), "the reason never carries the number");
        assertTrue(events.stream().noneMatch(t -> t.event() instanceof IdCardEvent.CardRead));
    }

    @Test
    void with_no_card_the_reader_just_keeps_polling_and_stays_healthy() throws Exception {
        reader.start();
        awaitCommand(SamCommand.FIND_CARD, 5);

        assertTrue(reader.isHealthy());
        assertEquals(0, emulator.received(SamCommand.SELECT_CARD));
        assertTrue(events.isEmpty(), "polling an empty field says nothing: " + events);
    }

    @Test
    void a_card_left_on_a_reader_that_does_not_halt_it_is_read_once_and_its_removal_reported() throws Exception {
        emulator.haltAfterRead = false;
        reader.start();
        emulator.insertCard(TestCards.residentText(TestCards.wang()));
        next(IdCardEvent.CardRead.class);
        awaitCommand(SamCommand.FIND_CARD, emulator.received(SamCommand.FIND_CARD) + 5);

        assertEquals(1, emulator.received(SamCommand.READ_TEXT_AND_PHOTO));
        emulator.removeCard();
        next(IdCardEvent.CardRemoved.class);
        emulator.insertCard(TestCards.residentText(TestCards.wang()));
        next(IdCardEvent.CardRead.class);
    }

    @Test
    void a_silent_reader_is_a_fault_naming_the_device_and_its_return_is_reported() throws Exception {
        reader.start();
        awaitCommand(SamCommand.FIND_CARD, 2);
        emulator.silent = true;

        IdCardEvent.ReaderFault fault = next(IdCardEvent.ReaderFault.class);
        assertEquals(reader.name(), fault.device());
        assertTrue(fault.reason().contains("no answer"), fault.reason());
        assertFalse(reader.isHealthy());

        emulator.silent = false;
        next(IdCardEvent.ReaderBack.class);
        assertTrue(reader.isHealthy());
    }

    @Test
    void a_security_module_fault_is_a_reader_fault_with_the_vendors_words() throws Exception {
        emulator.statusSw3 = 0x60;
        reader.start();

        IdCardEvent.ReaderFault fault = next(IdCardEvent.ReaderFault.class);
        assertTrue(fault.reason().contains("SAM_SELF_TEST_FAILED") && fault.reason().contains("SAM自检失败"),
                fault.reason());

        emulator.statusSw3 = 0x90;
        next(IdCardEvent.ReaderBack.class);
        emulator.insertCard(TestCards.residentText(TestCards.wang()));
        next(IdCardEvent.CardRead.class);
    }

    @Test
    void a_device_that_rejects_our_commands_is_a_fault_not_a_reader() throws Exception {
        emulator.statusSw3 = 0x21;
        reader.start();

        IdCardEvent.ReaderFault fault = next(IdCardEvent.ReaderFault.class);
        assertTrue(fault.reason().contains("not as a SAM reader") && fault.reason().contains("COMMAND_ERROR"),
                fault.reason());
        assertEquals(Optional.empty(), reader.samId());

        emulator.statusSw3 = 0x90;
        next(IdCardEvent.ReaderBack.class);
        assertTrue(reader.samId().isPresent());
    }

    @Test
    void unplugging_is_noticed_within_a_second_and_reading_resumes_within_two_seconds_of_replugging()
            throws Exception {
        reader.start();
        awaitCommand(SamCommand.FIND_CARD, 2);

        long pulled = System.nanoTime();
        socat.unplug();
        Timed fault = nextTimed(IdCardEvent.ReaderFault.class);
        assertTrue(fault.nanos() - pulled < TimeUnit.SECONDS.toNanos(1),
                "fault after " + (fault.nanos() - pulled) / 1_000_000 + " ms");

        long back = System.nanoTime();
        socat.plugIn();
        Timed returned = nextTimed(IdCardEvent.ReaderBack.class);
        assertTrue(returned.nanos() - back < TimeUnit.SECONDS.toNanos(2),
                "back after " + (returned.nanos() - back) / 1_000_000 + " ms");
        emulator.insertCard(TestCards.residentText(TestCards.wang()));
        assertNotNull(next(IdCardEvent.CardRead.class));
    }

    @Test
    void a_reader_absent_at_start_is_a_fault_until_it_is_plugged_in() throws Exception {
        socat.unplug();
        reader.start();
        IdCardEvent.ReaderFault fault = next(IdCardEvent.ReaderFault.class);
        assertTrue(fault.reason().contains("no such device"), fault.reason());

        socat.plugIn();
        next(IdCardEvent.ReaderBack.class);
        assertTrue(reader.isHealthy());
    }

    private <T extends IdCardEvent> T next(Class<T> type) throws InterruptedException {
        return type.cast(nextTimed(type).event());
    }

    private Timed nextTimed(Class<? extends IdCardEvent> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Timed t = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(t, "no " + type.getSimpleName() + " within 10 s");
            if (type.isInstance(t.event())) {
                return t;
            }
            assertInstanceOf(IdCardEvent.class, t.event());
        }
    }

    private void awaitCommand(SamCommand command, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (emulator.received(command) < count) {
            assertTrue(System.nanoTime() < deadline, command + " not received " + count + " times");
            Thread.sleep(10); // waiting for the poll thread to have asked; bounded by the deadline
        }
    }
}
