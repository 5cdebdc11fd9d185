package org.onetrip.hardware.printer.escpos;

import java.util.Optional;
import org.onetrip.hardware.printer.PrinterStatus;

/**
 * The real-time paper sensor status, {@code DLE EOT 4} (domain-spec §5): the request bytes and the
 * meaning of the one-byte reply, whose fixed bits are {@code 0x12} (bits 1 and 4 set, bit 0 and
 * bit 7 clear); {@code 0x0C} means paper near end, {@code 0x60} paper end.
 */
public final class PaperSensor {

    static final int FIXED_MASK = 0x93;
    static final int FIXED_BITS = 0x12;
    static final int NEAR_END = 0x0C;
    static final int PAPER_END = 0x60;

    private PaperSensor() {
    }

    /** {@code DLE EOT 4}: transmit the paper roll sensor status. */
    public static byte[] request() {
        return new byte[] {EscPos.DLE, 0x04, 0x04};
    }

    /**
     * The printer status a reply byte means, or empty if the byte is not a DLE EOT 4 reply
     * (its fixed bits are wrong: some other byte, e.g. an automatic status back).
     */
    public static Optional<PrinterStatus> status(int reply) {
        if ((reply & FIXED_MASK) != FIXED_BITS) {
            return Optional.empty();
        }
        if ((reply & PAPER_END) != 0) {
            return Optional.of(PrinterStatus.PAPER_OUT);
        }
        if ((reply & NEAR_END) != 0) {
            return Optional.of(PrinterStatus.PAPER_NEAR_END);
        }
        return Optional.of(PrinterStatus.READY);
    }
}
