package org.onetrip.provisioning.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.onetrip.provisioning.config.ConfigurationException;
import org.onetrip.store.uplink.CryptoException;

/**
 * Jazzer on a provisioning bundle from a USB stick: the envelope ({@link ProvisioningBundle#fromEnvelope}), its
 * verification with the county key of the kept bundles, and the payload's checks behind the signature
 * ({@link ProvisioningBundle#parse}, what a county tool's bug could sign). The property: contents for this
 * terminal, or a {@link BundleException}, a {@link ConfigurationException} naming the setting, or a
 * {@link CryptoException} for a key that is not one (what every caller reports); nothing else. Kept inputs:
 * {@code ProvisioningBundleFuzzTestInputs/}.
 */
class ProvisioningBundleFuzzTest {

    @DictionaryEntries({"\"format\"", "\"payload\"", "\"signature\"", "onetrip-provisioning-bundle/1", "onetrip-provisioning/1", "\"terminalId\"", "ot-test-01", "\"issuedAt\"", "\"expiresAt\"", "\"config\"", "\"trustedKeys\"", "\"catalog\"", "\"staff\"", "\"uplink.url\"", "\"region\"", "\"terminal.id\"", "\"site.type\"", "\"resident.idle-timeout\"", "2026-11-20T02:00:00Z"})
    @FuzzTest(maxDuration = "10s")
    void bundle_bytes_are_contents_for_this_terminal_or_a_typed_refusal(byte[] bytes) {
        try {
            ProvisioningBundle bundle = ProvisioningBundle.fromEnvelope(bytes, "fuzz.bundle");
            check(() -> bundle.verify(FuzzCounty.KEYS.getPublic(), FuzzCounty.TERMINAL, FuzzCounty.NOW));
        } catch (BundleException expected) {
            assertNotNull(expected.getMessage());
        }
        check(() -> ProvisioningBundle.parse(bytes, FuzzCounty.TERMINAL, FuzzCounty.NOW));
    }

    private static void check(java.util.function.Supplier<ProvisioningBundle.Contents> read) {
        try {
            ProvisioningBundle.Contents c = read.get();
            assertEquals(FuzzCounty.TERMINAL, c.terminalId());
            assertEquals(FuzzCounty.TERMINAL, c.config().terminalId());
        } catch (BundleException | ConfigurationException | CryptoException expected) {
            assertNotNull(expected.getMessage());
        }
    }
}
