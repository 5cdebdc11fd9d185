package org.onetrip.hardware.idcard.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onetrip.hardware.serial.SerialLink;
import org.onetrip.hardware.serial.SerialLinkException;

/** The baud probe on open, with a line whose speed the test can see (a pseudo-terminal carries none). */
class SamSessionTest {
    private static final SamSession.Timing FAST = new SamSession.Timing(20, 20);

    /** A reader that answers only at {@code speaksAt} baud; below it, bytes arrive as garbage. */
    private static final class Line implements SerialLink {
        final int speaksAt;
        final List<Integer> tried = new ArrayList<>();
        final ArrayDeque<Byte> in = new ArrayDeque<>();
        int baud;
        boolean closed;

        Line(int speaksAt) {
            this.speaksAt = speaksAt;
        }

        @Override
        public String path() {
            return "/dev/fake";
        }

        @Override
        public int baud() {
            return baud;
        }

        @Override
        public void setBaud(int baud) {
            this.baud = baud;
        }

        @Override
        public void write(byte[] bytes) {
            tried.add(baud);
            if (baud == speaksAt) {
                for (byte b : SamFrames.response(0, 0, 0x90)) {
                    in.add(b);
                }
            } else {
                in.add((byte) 0xFE);
            }
        }

        @Override
        public int read(byte[] buffer, int timeoutMillis) {
            int n = 0;
            while (!in.isEmpty() && n < buffer.length) {
                buffer[n++] = in.poll();
            }
            return n;
        }

        @Override
        public void discardInput() {
            in.clear();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void the_probe_tries_115200_first_then_the_lower_rates_and_keeps_the_first_that_answers() {
        Line line = new Line(19200);
        SamSession session = SamSession.probe((path, baud) -> {
            line.baud = baud;
            return line;
        }, "/dev/fake", FAST);

        assertEquals(19200, session.link().baud());
        assertEquals(115200, line.tried.getFirst());
        assertTrue(line.tried.containsAll(List.of(57600, 38400)), line.tried.toString());
        assertFalse(line.tried.contains(9600), "stops at the first rate that answers");
    }

    @Test
    void a_reader_silent_at_every_rate_is_closed_and_named() {
        Line line = new Line(1);
        ReaderLinkException e = assertThrows(ReaderLinkException.class, () -> SamSession.probe((path, baud) -> {
            line.baud = baud;
            return line;
        }, "/dev/fake", FAST));
        assertFalse(e.gone());
        assertTrue(e.getMessage().contains("/dev/fake") && e.getMessage().contains("9600"), e.getMessage());
        assertTrue(line.closed);
    }

    @Test
    void a_device_that_cannot_be_opened_is_gone_with_the_openers_words() {
        ReaderLinkException e = assertThrows(ReaderLinkException.class, () -> SamSession.probe((path, baud) -> {
            throw new SerialLinkException(path + ": permission denied (add the service user to the dialout group)");
        }, "/dev/ttyUSB9", FAST));
        assertTrue(e.gone());
        assertTrue(e.getMessage().contains("dialout"), e.getMessage());
    }
}
