package org.onetrip.store.courier;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Optional;

import org.onetrip.store.testing.FuzzKeys;
import org.onetrip.store.token.TrustList;

/**
 * Jazzer on a courier bundle brought on a USB stick ({@link CourierBundle#open}), with the keys the kept bundles
 * were made with, so a kept bundle opens and a mutated one meets every check in turn. The property: an opened
 * bundle or a {@link CourierException}; nothing else. Kept inputs: {@code CourierBundleFuzzTestInputs/}.
 */
class CourierBundleFuzzTest {
    static final CourierKeys KEYS = new CourierKeys(FuzzKeys.COURIER.getPublic(),
            Optional.of(FuzzKeys.COURIER.getPrivate()), FuzzKeys.TERMINAL.getPrivate(), FuzzKeys.TERMINAL.getPublic(),
            TrustList.of(FuzzKeys.TERMINAL.getPublic()));

    @DictionaryEntries({"\"format\"", "\"header\"", "\"payload\"", "\"signature\"", "onetrip-courier/1", "\"signer\"", "\"courierKey\"", "\"wrappedKey\"", "\"nonce\""})
    @FuzzTest(maxDuration = "10s")
    void a_courier_file_opens_or_is_refused_with_a_courier_exception(byte[] file) {
        try {
            CourierBundle.Opened opened = CourierBundle.open("fuzz.otc", file, KEYS);
            assertNotNull(opened.header().bundleId());
        } catch (CourierException expected) {
            assertNotNull(expected.getMessage());
        }
    }
}
