package org.onetrip.provisioning.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

/**
 * Jazzer on a technician's provisioning QR as scanned: {@link ProvisioningQr#verify} with the county key of the
 * kept QRs, the payload's checks behind the signature ({@link ProvisioningQr#read}), and
 * {@link ProvisioningQr#decodePayload} (what {@code onetrip-provision qr} shows). The property: a QR for this
 * terminal or a {@link BundleException}; nothing else. Kept inputs: {@code ProvisioningQrFuzzTestInputs/}.
 */
class ProvisioningQrFuzzTest {

    @DictionaryEntries({"OTP1.", "\"p\"", "\"t\"", "\"iat\"", "\"exp\"", "ot-test-01", "1795139940"})
    @FuzzTest(maxDuration = "10s")
    void a_scanned_qr_is_this_terminals_or_a_bundle_exception(byte[] scanned) {
        String text = new String(scanned, StandardCharsets.UTF_8);
        try {
            ProvisioningQr qr = ProvisioningQr.verify(text, FuzzCounty.KEYS.getPublic(), FuzzCounty.TERMINAL,
                    FuzzCounty.NOW);
            assertEquals(FuzzCounty.TERMINAL, qr.terminalId());
        } catch (BundleException expected) {
            assertNotNull(expected.getMessage());
        }
        try {
            assertEquals(FuzzCounty.TERMINAL, ProvisioningQr.read(scanned, FuzzCounty.TERMINAL, FuzzCounty.NOW)
                    .terminalId());
        } catch (BundleException expected) {
            assertNotNull(expected.getMessage());
        }
        try {
            assertNotNull(ProvisioningQr.decodePayload(text));
        } catch (BundleException expected) {
            assertNotNull(expected.getMessage());
        }
    }
}
