package org.onetrip.hardware.idcard.sam;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Random and mutated frames into the codec, with a fixed seed (a failure is reproducible): only typed errors come
 * out, the parser's buffer stays bounded, and nothing hangs.
 */
class SamCodecFuzzTest {
    private static final long SEED = 0x5A3_0301L;
    private static final int ROUNDS = 20_000;

    @Test
    void random_bytes_yield_only_typed_errors_and_bounded_buffers() {
        SplittableRandom random = new SplittableRandom(SEED);
        SamFrameParser parser = new SamFrameParser();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int round = 0; round < ROUNDS; round++) {
                byte[] chunk = new byte[random.nextInt(1, 300)];
                random.nextBytes(chunk);
                if (random.nextInt(4) == 0) {
                    System.arraycopy(SamFrames.PREAMBLE, 0, chunk, 0, Math.min(5, chunk.length));
                }
                parser.feed(chunk);
                drain(parser);
                assertTrue(parser.buffered() <= SamFrames.HEADER + SamFrames.MAX_LENGTH, "buffer " + parser.buffered());
            }
        });
    }

    @Test
    void mutated_card_answers_yield_a_card_or_a_typed_error() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        byte[] valid = SamFrames.response(0x90, 0, 0x90,
                new BaseMessage(TestCards.residentText(TestCards.wang()), TestCards.photo(), new byte[0]).toData());
        byte[] foreign = SamFrames.response(0x90, 0, 0x90,
                new BaseMessage(TestCards.foreignText(), TestCards.photo(), new byte[0]).toData());
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int round = 0; round < ROUNDS / 4; round++) {
                byte[] frame = (round % 2 == 0 ? valid : foreign).clone();
                int flips = random.nextInt(1, 6);
                for (int i = 0; i < flips; i++) {
                    frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
                }
                if (random.nextBoolean()) {
                    // keep the checksum right so the mutation reaches the text decoder
                    frame[frame.length - 1] = SamFrames.xor(frame, 5, frame.length - 1);
                }
                byte[] cut = random.nextInt(8) == 0 ? java.util.Arrays.copyOf(frame, random.nextInt(frame.length)) : frame;
                try {
                    SamResponse r = SamResponse.decode(cut);
                    CardText.decode(BaseMessage.parse(r.data(), random.nextInt(10) == 0).text());
                } catch (SamException expected) {
                    // the only acceptable failure
                }
            }
        });
    }

    private static void drain(SamFrameParser parser) {
        while (true) {
            try {
                byte[] frame = parser.next();
                if (frame == null) {
                    return;
                }
                try {
                    SamResponse.decode(frame);
                } catch (SamException expected) {
                    // too short to be a response: typed
                }
            } catch (SamFrameException expected) {
                // a bad frame: typed, and the parser goes on
            }
        }
    }
}
