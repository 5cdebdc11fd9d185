package org.onetrip.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentUploadTest {
    private static final byte[] SCAN = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x10, 0x4A};

    @TempDir
    Path directory;
    private RunningSimulator running;
    private TestTerminal terminal;

    @BeforeEach
    void start() {
        running = new RunningSimulator(directory);
        terminal = running.enrolledTerminal("T-1");
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void a_new_attachment_is_201_and_the_same_again_is_200() {
        String sha = Attachments.sha256Hex(SCAN);

        HttpResponse<String> first = terminal.put("/api/v1/attachments/" + sha, SCAN);
        HttpResponse<String> again = terminal.put("/api/v1/attachments/" + sha, SCAN);

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(sha, TestTerminal.json(first).get("sha256").stringValue());
    }

    @Test
    void bytes_that_do_not_hash_to_the_name_are_422() {
        String other = Attachments.sha256Hex(new byte[] {1, 2, 3});

        HttpResponse<String> response = terminal.put("/api/v1/attachments/" + other, SCAN);

        assertEquals(422, response.statusCode());
        assertTrue(TestTerminal.json(response).get("reason").stringValue().contains(Attachments.sha256Hex(SCAN)));
    }

    @Test
    void an_upper_case_name_is_not_the_lowercase_hex_and_is_422() {
        String upper = Attachments.sha256Hex(SCAN).toUpperCase();

        assertEquals(422, terminal.put("/api/v1/attachments/" + upper, SCAN).statusCode());
    }

    @Test
    void attachments_belong_to_the_terminal_that_uploaded_them() {
        String sha = Attachments.sha256Hex(SCAN);
        terminal.put("/api/v1/attachments/" + sha, SCAN);
        TestTerminal other = running.enrolledTerminal("T-2");
        UUID id = UUID.randomUUID();

        HttpResponse<String> response = other.post("/api/v1/submissions", id.toString(),
                Submissions.body(id, other.id, List.of(sha)));

        assertEquals(422, response.statusCode());
    }
}
