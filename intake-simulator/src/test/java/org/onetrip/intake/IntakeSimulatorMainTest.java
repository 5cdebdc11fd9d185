package org.onetrip.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The command line of {@code ./onetrip intake-simulator}. */
class IntakeSimulatorMainTest {
    @Test
    void without_options_it_listens_on_loopback_8090_without_faults() {
        IntakeSimulatorMain.Options options = IntakeSimulatorMain.parse(new String[0]);

        assertEquals("127.0.0.1", options.host());
        assertEquals(8090, options.port());
        assertEquals(Path.of("intake-simulator-data").toAbsolutePath().normalize(), options.dataDir());
        assertTrue(!options.faults().any());
    }

    @Test
    void every_option_is_read() {
        IntakeSimulatorMain.Options options = IntakeSimulatorMain.parse(new String[] {"--port", "0", "--data-dir", "/tmp/x",
                "--enroll", "T-1=/tmp/t1.pem", "--catalog", "7=/tmp/c.json", "--error-rate", "0.1",
                "--commit-then-fail-rate", "0.2", "--reset-rate", "0.05", "--slow-rate", "0.01", "--slow-ms", "1500",
                "--seed", "9"});

        assertEquals(0, options.port());
        assertEquals(Path.of("/tmp/x"), options.dataDir());
        assertEquals(Path.of("/tmp/t1.pem"), options.enrol().get("T-1"));
        assertEquals(Path.of("/tmp/c.json"), options.catalogs().get(7L));
        assertEquals(0.2, options.faults().commitThenFailRate(), 1e-9);
        assertEquals(Duration.ofMillis(1500), options.faults().slowDelay());
        assertEquals(9, options.faults().seed());
    }

    @Test
    void wrong_arguments_are_refused_with_a_sentence_naming_them() {
        assertEquals("unknown option '--colour'",
                assertThrows(IllegalArgumentException.class,
                        () -> IntakeSimulatorMain.parse(new String[] {"--colour", "red"})).getMessage());
        assertEquals("option --port needs a value",
                assertThrows(IllegalArgumentException.class,
                        () -> IntakeSimulatorMain.parse(new String[] {"--port"})).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> IntakeSimulatorMain.parse(new String[] {"--error-rate", "2"})).getMessage().contains("between 0 and 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> IntakeSimulatorMain.parse(new String[] {"--enroll", "T-1"})).getMessage().contains("NAME=FILE"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> IntakeSimulatorMain.parse(new String[] {"--error-rate", "0.6", "--reset-rate", "0.6"}))
                .getMessage().contains("more than 1"));
    }
}
