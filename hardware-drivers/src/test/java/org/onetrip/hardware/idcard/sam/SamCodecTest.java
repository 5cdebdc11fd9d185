package org.onetrip.hardware.idcard.sam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Frames and status codes on byte vectors from domain-spec §1.3–1.4 (yzsam, hev-idcard-reader, softs.im). */
class SamCodecTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "RESET, AA AA AA 96 69 00 03 10 FF EC",
            "STATUS, AA AA AA 96 69 00 03 11 FF ED",
            "SAM_ID, AA AA AA 96 69 00 03 12 FF EE",
            "FIND_CARD, AA AA AA 96 69 00 03 20 01 22",
            "SELECT_CARD, AA AA AA 96 69 00 03 20 02 21",
            "READ_TEXT_AND_PHOTO, AA AA AA 96 69 00 03 30 01 32",
            "READ_APPENDED_ADDRESS, AA AA AA 96 69 00 03 30 03 30",
            "READ_TEXT_PHOTO_FINGERPRINT, AA AA AA 96 69 00 03 30 10 23",
            "SET_BAUD_115200, AA AA AA 96 69 00 03 60 00 63"})
    void request_frames_match_the_published_bytes(SamCommand command, String hex) {
        assertEquals(hex, HEX.formatHex(command.frame()));
    }

    @Test
    void a_request_with_data_counts_it_in_the_length_and_the_checksum() {
        assertEquals("AA AA AA 96 69 00 04 61 FF 50 CA", HEX.formatHex(SamFrames.request(0x61, 0xFF, (byte) 0x50)));
    }

    @Test
    void the_published_find_and_select_answers_decode() {
        SamResponse find = SamResponse.decode(HEX.parseHex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"));
        assertEquals(SamStatus.CARD_FOUND, find.status());
        assertEquals(4, find.data().length);
        SamResponse select = SamResponse.decode(
                HEX.parseHex("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C"));
        assertEquals(SamStatus.SUCCESS, select.expect(SamCommand.SELECT_CARD).status());
    }

    @Test
    void every_published_status_code_has_its_own_typed_meaning() {
        Map<Integer, SamStatus.Kind> table = Map.ofEntries(
                Map.entry(0x90, SamStatus.Kind.OK), Map.entry(0x91, SamStatus.Kind.OK),
                Map.entry(0x9F, SamStatus.Kind.OK), Map.entry(0x10, SamStatus.Kind.PROTOCOL),
                Map.entry(0x11, SamStatus.Kind.PROTOCOL), Map.entry(0x21, SamStatus.Kind.PROTOCOL),
                Map.entry(0x23, SamStatus.Kind.PROTOCOL), Map.entry(0x24, SamStatus.Kind.CARD),
                Map.entry(0x31, SamStatus.Kind.CARD), Map.entry(0x32, SamStatus.Kind.CARD),
                Map.entry(0x33, SamStatus.Kind.CARD), Map.entry(0x40, SamStatus.Kind.CARD),
                Map.entry(0x41, SamStatus.Kind.CARD), Map.entry(0x47, SamStatus.Kind.CARD),
                Map.entry(0x60, SamStatus.Kind.SAM_FAULT), Map.entry(0x66, SamStatus.Kind.SAM_FAULT),
                Map.entry(0x80, SamStatus.Kind.NO_CARD), Map.entry(0x81, SamStatus.Kind.NO_CARD));
        table.forEach((code, kind) -> {
            SamStatus status = SamResponse.decode(SamFrames.response(0, 0, code)).status();
            assertEquals(code, status.code(), status.name());
            assertEquals(kind, status.kind(), status.name());
            assertTrue(!status.meaning().isBlank());
        });
        assertEquals(table.size(), SamStatus.values().length - 1, "every status but UNDEFINED is in the published table");
    }

    @Test
    void an_unpublished_status_is_undefined_and_keeps_its_byte() {
        SamResponse r = SamResponse.decode(SamFrames.response(0, 0, 0x55));
        assertEquals(SamStatus.UNDEFINED, r.status());
        SamStatusException e = assertThrows(SamStatusException.class, () -> r.expect(SamCommand.STATUS));
        assertEquals(0x55, e.sw3());
        assertTrue(e.getMessage().contains("0x55"), e.getMessage());
    }

    @Test
    void an_answer_other_than_the_expected_one_is_a_typed_error_naming_command_and_code() {
        SamResponse noCard = SamResponse.decode(SamFrames.response(0, 0, 0x80));
        SamStatusException e = assertThrows(SamStatusException.class, () -> noCard.expect(SamCommand.FIND_CARD));
        assertEquals(SamCommand.FIND_CARD, e.command());
        assertEquals(SamStatus.NO_CARD, e.status());
        assertTrue(e.getMessage().contains("FIND_CARD") && e.getMessage().contains("0x80"), e.getMessage());
    }

    @Test
    void a_wrong_checksum_and_a_wrong_length_are_told_apart() {
        byte[] frame = SamFrames.response(0, 0, 0x90);
        frame[frame.length - 1] ^= 1;
        assertEquals(SamFrameException.Problem.BAD_CHECKSUM,
                assertThrows(SamFrameException.class, () -> SamResponse.decode(frame)).problem());
        byte[] longer = java.util.Arrays.copyOf(SamFrames.response(0, 0, 0x90), 12);
        assertEquals(SamFrameException.Problem.BAD_LENGTH,
                assertThrows(SamFrameException.class, () -> SamResponse.decode(longer)).problem());
        assertEquals(SamFrameException.Problem.TRUNCATED,
                assertThrows(SamFrameException.class, () -> SamResponse.decode(new byte[9])).problem());
    }

    @Test
    void the_parser_joins_fragments_and_skips_noise_before_the_preamble() {
        byte[] frame = SamFrames.response(0x90, 0, 0x90, new byte[300]);
        SamFrameParser parser = new SamFrameParser();
        parser.feed(new byte[]{0x01, (byte) 0xAA, (byte) 0xAA, 0x02, (byte) 0xAA});
        for (int at = 0; at < frame.length; at += 7) {
            assertNull(parser.next(), "nothing before the last fragment");
            parser.feed(java.util.Arrays.copyOfRange(frame, at, Math.min(frame.length, at + 7)));
        }
        assertArrayEquals(frame, parser.next());
        assertEquals(0, parser.buffered());
    }

    @Test
    void after_a_bad_frame_the_parser_finds_the_good_one_behind_it() {
        byte[] bad = SamFrames.response(0, 0, 0x90);
        bad[bad.length - 1] ^= 0x33;
        byte[] good = SamFrames.response(0, 0, 0x9F, new byte[4]);
        SamFrameParser parser = new SamFrameParser();
        parser.feed(concat(bad, good));
        assertEquals(SamFrameException.Problem.BAD_CHECKSUM,
                assertThrows(SamFrameException.class, parser::next).problem());
        assertArrayEquals(good, parser.next());
    }

    @Test
    void an_impossible_length_is_reported_and_skipped() {
        byte[] bogus = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69, (byte) 0xFF, (byte) 0xFF};
        byte[] good = SamFrames.response(0, 0, 0x90);
        SamFrameParser parser = new SamFrameParser();
        parser.feed(concat(bogus, good));
        assertEquals(SamFrameException.Problem.BAD_LENGTH,
                assertThrows(SamFrameException.class, parser::next).problem());
        assertArrayEquals(good, parser.next());
    }

    @Test
    void the_read_answer_splits_into_text_photo_and_fingerprint() {
        byte[] text = TestCards.residentText(TestCards.wang());
        BaseMessage m = new BaseMessage(text, TestCards.photo(), new byte[0]);
        byte[] frame = SamFrames.response(0x90, 0, 0x90, m.toData());
        assertEquals(1295, frame.length, "the published length of a 30 01 answer");
        assertEquals(m, BaseMessage.parse(SamResponse.decode(frame).data(), false));

        BaseMessage withFp = new BaseMessage(text, TestCards.photo(), new byte[1024]);
        byte[] fpFrame = SamFrames.response(0x90, 0, 0x90, withFp.toData());
        assertEquals(2321, fpFrame.length, "the published length of a 30 10 answer with two templates");
        assertEquals(withFp, BaseMessage.parse(SamResponse.decode(fpFrame).data(), true));
    }

    @Test
    void a_read_answer_claiming_more_than_it_carries_is_truncated() {
        byte[] data = new BaseMessage(TestCards.residentText(TestCards.wang()), TestCards.photo(), new byte[0]).toData();
        data[2] = 0x7F;
        assertEquals(SamFrameException.Problem.TRUNCATED,
                assertThrows(SamFrameException.class, () -> BaseMessage.parse(data, false)).problem());
    }

    @Test
    void the_sam_id_is_formatted_as_the_vendors_do() {
        assertEquals("05.01-20142732-000012345-1234567890", SamId.parse(SamReaderEmulator.SAM_ID));
        assertThrows(SamFrameException.class, () -> SamId.parse(new byte[3]));
    }

    @Test
    void wire_time_at_115200_baud_is_about_87_microseconds_a_byte() {
        assertEquals(112_413_194L, SamFrames.wireNanos(1295, 115200), 1000);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
