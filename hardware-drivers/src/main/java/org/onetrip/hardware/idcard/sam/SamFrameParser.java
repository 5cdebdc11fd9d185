package org.onetrip.hardware.idcard.sam;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Cuts frames out of a byte stream that may arrive in fragments, with noise before the preamble. Pure: bytes go
 * in with {@link #feed}, whole frames (or a typed error for a bad one) come out of {@link #next()}. Memory is
 * bounded by {@link SamFrames#MAX_LENGTH} however much garbage is fed; after a bad frame the parser resyncs on the
 * next preamble.
 */
public final class SamFrameParser {
    private static final byte[] PREAMBLE = SamFrames.PREAMBLE;
    private final byte[] buf = new byte[SamFrames.HEADER + SamFrames.MAX_LENGTH];
    private final ArrayDeque<Object> ready = new ArrayDeque<>();
    private int size;

    /**
     * Appends bytes. Whole frames found are queued for {@link #next()}; whatever cannot be a frame's start is
     * dropped as it comes, so the buffer never holds more than one frame's worth.
     */
    public void feed(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int n = Math.min(end - i, buf.length - size);
            System.arraycopy(bytes, i, buf, size, n);
            size += n;
            i += n;
            extract();
        }
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /**
     * The next complete frame, or null until more bytes arrive.
     *
     * @throws SamFrameException for a frame with an impossible length or a wrong checksum; it is dropped and the
     *                           parser goes on with the bytes after it
     */
    public byte[] next() {
        Object head = ready.poll();
        if (head instanceof SamFrameException e) {
            throw e;
        }
        return (byte[]) head;
    }

    private void extract() {
        while (true) {
            syncToPreamble();
            if (size < SamFrames.HEADER) {
                return;
            }
            int len = ((buf[5] & 0xFF) << 8) | (buf[6] & 0xFF);
            if (len < 2 || len > SamFrames.MAX_LENGTH) {
                discardUpToNextPreamble(1);
                ready.add(new SamFrameException(SamFrameException.Problem.BAD_LENGTH, "length field " + len));
                continue;
            }
            int total = SamFrames.HEADER + len;
            if (size < total) {
                return;
            }
            if (SamFrames.xor(buf, 5, total - 1) != buf[total - 1]) {
                // not a frame after all, or a damaged one: look for a real preamble inside it
                discardUpToNextPreamble(1);
                ready.add(new SamFrameException(SamFrameException.Problem.BAD_CHECKSUM,
                        "XOR mismatch over " + len + " bytes"));
            } else {
                ready.add(Arrays.copyOf(buf, total));
                consume(total);
            }
        }
    }

    /** Bytes held that are not yet a whole frame (for tests and diagnostics). */
    public int buffered() {
        return size;
    }

    public void clear() {
        size = 0;
        ready.clear();
    }

    private void syncToPreamble() {
        int start = indexOfPreamble(0);
        if (start > 0) {
            consume(start);
        } else if (start < 0) {
            // keep a tail that could be the start of a preamble split across reads
            int keep = Math.min(size, PREAMBLE.length - 1);
            while (keep > 0 && !isPreamblePrefix(size - keep, keep)) {
                keep--;
            }
            consume(size - keep);
        }
    }

    private void discardUpToNextPreamble(int from) {
        int next = indexOfPreamble(from);
        consume(next < 0 ? Math.max(0, Math.min(from, size)) : next);
        syncToPreamble();
    }

    private int indexOfPreamble(int from) {
        outer:
        for (int i = from; i + PREAMBLE.length <= size; i++) {
            for (int j = 0; j < PREAMBLE.length; j++) {
                if (buf[i + j] != PREAMBLE[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private boolean isPreamblePrefix(int at, int n) {
        for (int j = 0; j < n; j++) {
            if (buf[at + j] != PREAMBLE[j]) {
                return false;
            }
        }
        return true;
    }

    private void consume(int n) {
        System.arraycopy(buf, n, buf, 0, size - n);
        size -= n;
    }
}
