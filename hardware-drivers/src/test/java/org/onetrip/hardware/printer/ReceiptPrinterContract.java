package org.onetrip.hardware.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onetrip.hardware.printer.escpos.EscPosEncoder;
import org.onetrip.hardware.printer.escpos.PrinterProfile;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;

/**
 * What every {@link ReceiptPrinter} does, run against the simulator and against the real driver over each
 * two-way transport: jobs arrive intact, paper out refuses a job before any of it is printed, near end still
 * prints, a stopped printer is offline. Subclasses start the printer before each test and stop it after.
 */
public abstract class ReceiptPrinterContract {

    protected final byte[] job = new EscPosEncoder(PrinterProfile.MM58).encode(ReceiptDocument.builder()
            .title("政务服务受理回执").row("申请人", "王*兰").notice("已提交，待同步").qr("ZW1:ABC", "扫码").build());

    protected abstract ReceiptPrinter printer();

    protected abstract void paperOut();

    protected abstract void paperNearEnd();

    protected abstract void paperLoaded();

    /** Everything printed so far, waiting (bounded) until at least {@code length} bytes have arrived. */
    protected abstract byte[] printed(int length) throws Exception;

    @Test
    void a_job_is_printed_byte_for_byte() throws Exception {
        printer().print(job);

        assertArrayEquals(job, printed(job.length));
        assertEquals(PrinterStatus.READY, printer().status());
    }

    @Test
    void paper_out_refuses_the_job_before_any_of_it_is_printed() throws Exception {
        paperOut();

        PrinterException e = assertThrows(PrinterException.class, () -> printer().print(job));

        assertEquals(PrinterStatus.PAPER_OUT, e.status());
        assertEquals(printer().name() + ": paper out", e.getMessage());
        assertEquals(PrinterStatus.PAPER_OUT, printer().status());
        assertEquals(0, printed(0).length);
    }

    @Test
    void a_new_roll_prints_again() throws Exception {
        paperOut();
        assertThrows(PrinterException.class, () -> printer().print(job));
        paperLoaded();

        printer().print(job);

        assertArrayEquals(job, printed(job.length));
    }

    @Test
    void paper_near_end_still_prints_and_is_reported() throws Exception {
        paperNearEnd();

        printer().print(job);

        assertArrayEquals(job, printed(job.length));
        assertEquals(PrinterStatus.PAPER_NEAR_END, printer().status());
        assertTrue(printer().status().canPrint());
    }

    @Test
    void a_stopped_printer_is_offline_and_refuses_jobs() throws Exception {
        printer().stop();

        PrinterException e = assertThrows(PrinterException.class, () -> printer().print(job));

        assertEquals(PrinterStatus.OFFLINE, e.status());
        assertEquals(PrinterStatus.OFFLINE, printer().status());
        assertTrue(e.getMessage().startsWith(printer().name() + ": not started"), e.getMessage());
    }
}
