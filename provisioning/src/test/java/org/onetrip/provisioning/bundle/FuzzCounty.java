package org.onetrip.provisioning.bundle;

import java.security.KeyPair;
import java.time.Instant;

import org.onetrip.store.uplink.Sm2;

/**
 * The fixed county key of the provisioning fuzz tests (test only): the kept bundles and QRs were signed with it, so
 * they verify and reach the parsing behind the signature.
 */
final class FuzzCounty {
    static final KeyPair KEYS = new KeyPair(Sm2.parsePublicKey("""
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEhCCMEog5jgMBMFy4P+7oc9Okrr+k
            wAq8gbpLRbt5UzijyKKizoARW/1SfGUJaCN56KxG5TUwfkRRm6dbm/QTkw==
            -----END PUBLIC KEY-----
            """), Sm2.parsePrivateKey("""
            -----BEGIN PRIVATE KEY-----
            MIGTAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBHkwdwIBAQQg12WYSEs2MhLn5KM7
            EjO+bjqayYJk2qqu+iyn1Uh+qxygCgYIKoEcz1UBgi2hRANCAASEIIwSiDmOAwEw
            XLg/7uhz06Suv6TACryBuktFu3lTOKPIoqLOgBFb/VJ8ZQloI3norEblNTB+RFGb
            p1ub9BOT
            -----END PRIVATE KEY-----
            """));
    /** The terminal the kept bundles and QRs are for. */
    static final String TERMINAL = "ot-test-01";
    /** Inside the validity of the kept bundles and QRs. */
    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

    private FuzzCounty() {
    }
}
