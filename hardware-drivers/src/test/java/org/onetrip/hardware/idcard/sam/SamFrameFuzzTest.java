package org.onetrip.hardware.idcard.sam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer (coverage-guided) on what a reader sends: the byte stream through {@link SamFrameParser}, each frame
 * through {@link SamResponse#decode}, its data as a card ({@link BaseMessage}, {@link CardText}), a SAM id and an
 * appended address. The property: a value or a {@link SamException}, nothing else; the stream cut into
 * fragments gives the same frames as in one piece; the buffer stays bounded. Kept inputs (seeds from real
 * answers, and any crash found) are in {@code SamFrameFuzzTestInputs/} and replay as a plain test.
 */
class SamFrameFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void a_reader_byte_stream_yields_frames_and_cards_or_a_sam_exception(byte[] stream) {
        List<Object> whole = frames(stream, stream.length);
        // the fragment size comes from the input, so the fuzzer explores cuts too
        int fragment = stream.length == 0 ? 1 : 1 + (stream[0] & 0x1F);
        assertEquals(describe(whole), describe(frames(stream, fragment)), "fragments of " + fragment + " bytes");
        for (Object f : whole) {
            if (f instanceof byte[] frame) {
                decodeAll(frame);
            }
        }
    }

    private static List<Object> frames(byte[] stream, int fragment) {
        SamFrameParser parser = new SamFrameParser();
        List<Object> out = new ArrayList<>();
        for (int at = 0; at < stream.length; at += fragment) {
            parser.feed(stream, at, Math.min(fragment, stream.length - at));
            assertTrue(parser.buffered() <= SamFrames.HEADER + SamFrames.MAX_LENGTH, "buffer " + parser.buffered());
            drain(parser, out);
        }
        return out;
    }

    private static void drain(SamFrameParser parser, List<Object> out) {
        while (true) {
            try {
                byte[] frame = parser.next();
                if (frame == null) {
                    return;
                }
                out.add(frame);
            } catch (SamFrameException e) {
                out.add(e.problem());
            }
        }
    }

    private static List<String> describe(List<Object> frames) {
        return frames.stream().map(f -> f instanceof byte[] b ? Arrays.toString(b) : f.toString()).toList();
    }

    private static void decodeAll(byte[] frame) {
        SamResponse response;
        try {
            response = SamResponse.decode(frame);
        } catch (SamException expected) {
            return;
        }
        assertArrayEquals(Arrays.copyOfRange(frame, 10, frame.length - 1), response.data());
        byte[] data = response.data();
        for (boolean withFingerprint : new boolean[] {false, true}) {
            try {
                BaseMessage message = BaseMessage.parse(data, withFingerprint);
                CardText.Decoded decoded = CardText.decode(message.text());
                assertTrue(decoded.card().name().length() <= 60, "name of " + decoded.card().name().length());
            } catch (SamException expected) {
                // typed: the driver reports it and asks for the card again
            }
        }
        try {
            SamId.parse(data);
        } catch (SamException expected) {
            // typed
        }
        CardText.latestAppendedAddress(data);
    }
}
