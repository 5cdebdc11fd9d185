package org.onetrip.hardware.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onetrip.hardware.printer.escpos.PrinterProfile;

class SimulatedPrinterTest {

    private final SimulatedPrinter printer = new SimulatedPrinter(PrinterProfile.MM80);

    @BeforeEach
    void start() throws Exception {
        printer.start();
    }

    @AfterEach
    void stop() throws Exception {
        printer.stop();
    }

    @Test
    void jobs_are_recorded_in_order() {
        printer.print(new byte[] {1});
        printer.print(new byte[] {2});

        assertEquals(2, printer.jobs().size());
        assertArrayEquals(new byte[] {1}, printer.jobs().get(0));
        assertArrayEquals(new byte[] {2}, printer.lastJob().orElseThrow());
    }

    @Test
    void paper_out_raises_a_printer_exception_naming_the_device() {
        printer.paperOut();

        PrinterException e = assertThrows(PrinterException.class, () -> printer.print(new byte[] {1}));

        assertEquals("printer[simulated]: paper out", e.getMessage());
        assertEquals(PrinterStatus.PAPER_OUT, e.status());
        assertEquals(PrinterStatus.PAPER_OUT, printer.status());
        assertTrue(printer.jobs().isEmpty());
    }

    @Test
    void a_new_roll_makes_the_printer_ready_again() {
        printer.paperOut();
        printer.paperLoaded();
        printer.print(new byte[] {1});

        assertEquals(PrinterStatus.READY, printer.status());
        assertEquals(1, printer.jobs().size());
    }

    @Test
    void paper_near_end_still_prints() {
        printer.paperNearEnd();
        printer.print(new byte[] {1});

        assertEquals(PrinterStatus.PAPER_NEAR_END, printer.status());
        assertTrue(printer.status().canPrint());
        assertEquals(1, printer.jobs().size());
    }

    @Test
    void an_offline_printer_refuses_jobs_until_it_is_back_online() {
        printer.offline();

        PrinterException e = assertThrows(PrinterException.class, () -> printer.print(new byte[] {1}));
        assertEquals("printer[simulated]: offline", e.getMessage());
        assertEquals(PrinterStatus.OFFLINE, printer.status());

        printer.online();
        printer.print(new byte[] {1});
        assertEquals(1, printer.jobs().size());
    }

    @Test
    void a_stopped_printer_is_offline_and_refuses_jobs() throws Exception {
        printer.stop();

        PrinterException e = assertThrows(PrinterException.class, () -> printer.print(new byte[] {1}));

        assertEquals(PrinterStatus.OFFLINE, e.status());
        assertTrue(e.getMessage().startsWith("printer[simulated]: not started"), e.getMessage());
        assertEquals(PrinterStatus.OFFLINE, printer.status());
    }

    @Test
    void only_the_last_fifty_jobs_are_kept() {
        for (int i = 0; i < 60; i++) {
            printer.print(new byte[] {(byte) i});
        }

        List<byte[]> jobs = printer.jobs();
        assertEquals(50, jobs.size());
        assertEquals(10, jobs.get(0)[0]);
        assertEquals(59, jobs.get(49)[0]);
    }

    @Test
    void kept_jobs_are_copies() {
        byte[] job = {1};
        printer.print(job);
        job[0] = 9;
        printer.jobs().get(0)[0] = 9;

        assertArrayEquals(new byte[] {1}, printer.lastJob().orElseThrow());
    }

    @Test
    void jobs_from_many_threads_are_all_kept() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                byte[] job = {(byte) i};
                done.add(pool.submit(() -> printer.print(job)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(40, printer.jobs().stream().mapToInt(job -> job[0]).distinct().count());
    }

    @Test
    void to_string_shows_name_and_lifecycle_state() {
        assertEquals("printer[simulated]{STARTED, READY, 80mm}", printer.toString());
    }
}
