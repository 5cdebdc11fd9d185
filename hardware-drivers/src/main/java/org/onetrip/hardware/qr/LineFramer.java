package org.onetrip.hardware.qr;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a serial scanner's byte stream into scans at its terminator (pure: bytes in, strings out). A line longer
 * than {@code maxBytes} (a stuck scanner, or the wrong terminator configured) is dropped rather than grown
 * without bound; empty lines (CR then LF with a CR terminator) are skipped.
 */
public final class LineFramer {
    private final byte[] terminator;
    private final Charset charset;
    private final byte[] line;
    private int size;
    private boolean overflow;
    private int overflows;

    public LineFramer(byte[] terminator, Charset charset, int maxBytes) {
        if (terminator.length == 0) {
            throw new IllegalArgumentException("terminator is empty");
        }
        this.terminator = terminator.clone();
        this.charset = charset;
        this.line = new byte[maxBytes + terminator.length];
    }

    /** The scans completed by these bytes, in order. */
    public List<String> feed(byte[] bytes, int offset, int length) {
        List<String> out = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            if (size == line.length) {
                // too long to be a scan: drop it, and what follows up to the next terminator
                System.arraycopy(line, size - (terminator.length - 1), line, 0, terminator.length - 1);
                size = terminator.length - 1;
                if (!overflow) {
                    overflows++;
                }
                overflow = true;
            }
            line[size++] = bytes[i];
            if (endsWithTerminator()) {
                String text = new String(line, 0, size - terminator.length, charset).strip();
                boolean dropped = overflow;
                size = 0;
                overflow = false;
                if (!dropped && !text.isEmpty()) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    /** How many over-long lines were dropped (for the technician's diagnostics). */
    public int overflows() {
        return overflows;
    }

    private boolean endsWithTerminator() {
        if (size < terminator.length) {
            return false;
        }
        for (int i = 0; i < terminator.length; i++) {
            if (line[size - terminator.length + i] != terminator[i]) {
                return false;
            }
        }
        return true;
    }
}
