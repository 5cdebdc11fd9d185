package org.onetrip.store.courier;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import org.onetrip.store.testing.FuzzKeys;

/**
 * Jazzer on a courier bundle brought on a USB stick ({@link CourierBundle#open}), with the keys the kept bundles
 * were made with, so a kept bundle opens and a mutated one meets every check in turn. The property: an opened
 * bundle or a {@link CourierException}; nothing else. Kept inputs: {@code CourierBundleFuzzTestInputs/}.
 */
class CourierBundleFuzzTest {
    /** This terminal and one other county terminal: the kept bundles are sealed for both ({@link #main}). */
    static final CourierKeys KEYS = CourierKeys.of(FuzzKeys.TERMINAL.getPrivate(), FuzzKeys.TERMINAL.getPublic(),
            List.of(FuzzKeys.COURIER.getPublic()));

    @DictionaryEntries({"\"format\"", "\"header\"", "\"payload\"", "\"signature\"", "onetrip-courier/2", "\"signer\"", "\"recipients\"", "\"key\"", "\"wrappedKey\"", "\"nonce\""})
    @FuzzTest(maxDuration = "10s")
    void a_courier_file_opens_or_is_refused_with_a_courier_exception(byte[] file) {
        try {
            CourierBundle.Opened opened = CourierBundle.open("fuzz.otc", file, KEYS);
            assertNotNull(opened.header().bundleId());
        } catch (CourierException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    /**
     * Writes the kept seed bundle (format 2, sealed with {@link #KEYS}):
     * {@code bench/run.sh offline-store org.onetrip.store.courier.CourierBundleFuzzTest
     * offline-store/src/test/resources/org/onetrip/store/courier/CourierBundleFuzzTestInputs/a_courier_file_opens_or_is_refused_with_a_courier_exception/two-submissions}
     */
    public static void main(String[] args) throws IOException {
        byte[] payload = "{\"submissions\":[{\"id\":\"s-1\"},{\"id\":\"s-2\"}]}".getBytes(StandardCharsets.UTF_8);
        CourierBundle.Header header = new CourierBundle.Header("cb-0001", "demo-340121100004-01",
                "2025-06-18T01:42:17Z", 2);
        Files.write(Path.of(args[0]), CourierBundle.seal(header, payload, KEYS, new SecureRandom()));
    }
}
