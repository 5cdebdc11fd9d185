package org.onetrip.hardware.printer.escpos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onetrip.hardware.printer.PrinterStatus;

/** DLE EOT 4 replies as python-escpos masks them: 18 ok, 30 low paper, 114 no paper. */
class PaperSensorTest {

    @Test
    void the_request_is_dle_eot_4() {
        assertArrayEquals(new byte[] {0x10, 0x04, 0x04}, PaperSensor.request());
    }

    @ParameterizedTest
    @CsvSource({"18, READY", "30, PAPER_NEAR_END", "114, PAPER_OUT", "126, PAPER_OUT", "50, PAPER_OUT",
            "22, PAPER_NEAR_END"})
    void replies_with_the_fixed_bits_map_to_a_status(int reply, PrinterStatus status) {
        assertEquals(Optional.of(status), PaperSensor.status(reply));
    }

    @ParameterizedTest
    @CsvSource({"0", "255", "19", "16", "146"})
    void bytes_without_the_fixed_bits_are_not_a_paper_status(int reply) {
        assertEquals(Optional.empty(), PaperSensor.status(reply));
    }
}
