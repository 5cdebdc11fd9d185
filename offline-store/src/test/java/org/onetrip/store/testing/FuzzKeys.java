package org.onetrip.store.testing;

import java.security.KeyPair;

import org.onetrip.store.uplink.Sm2;

/**
 * Fixed SM2 key pairs of the fuzz tests (test only, never trusted anywhere else): inputs kept for replay were
 * signed with them, so a kept token or bundle names a key id the test trusts and reaches the parsing behind it.
 */
public final class FuzzKeys {
    /** Signs the kept receipt tokens and courier bundles (a terminal's key). */
    public static final KeyPair TERMINAL = pair("""
            -----BEGIN PRIVATE KEY-----
            MIGTAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBHkwdwIBAQQgyyGMOzLvfpJEQBz7
            SrkpFnFs0wJWyPOAEoTh+oqB68KgCgYIKoEcz1UBgi2hRANCAAR5IOmIk34CzbaD
            1yKa8L9pFWTKDwSS4hWTtWI/J16bh8wIB1oLv8K/RIC4lKFX7d9TcfIJqDeJYoCT
            bi4Q5riu
            -----END PRIVATE KEY-----
            """, """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEeSDpiJN+As22g9cimvC/aRVkyg8E
            kuIVk7ViPydem4fMCAdaC7/Cv0SAuJShV+3fU3HyCag3iWKAk24uEOa4rg==
            -----END PUBLIC KEY-----
            """);
    /** The county's courier key the kept courier bundles are encrypted for. */
    public static final KeyPair COURIER = pair("""
            -----BEGIN PRIVATE KEY-----
            MIGTAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBHkwdwIBAQQg98yote02daCzHOdJ
            ft4EmMWmvLZQ4f/ncKu0snaKsH+gCgYIKoEcz1UBgi2hRANCAAR9UffX4EU0x9gm
            RkTQb4oVNXqo9sWq179x0p9HYHIZxG4GTyIVpY9z9P8+PdYj1WOnbrYLSxgIo4P1
            5n8JaUCS
            -----END PRIVATE KEY-----
            """, """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEfVH31+BFNMfYJkZE0G+KFTV6qPbF
            qte/cdKfR2ByGcRuBk8iFaWPc/T/Pj3WI9Vjp262C0sYCKOD9eZ/CWlAkg==
            -----END PUBLIC KEY-----
            """);

    private FuzzKeys() {
    }

    private static KeyPair pair(String privatePem, String publicPem) {
        return new KeyPair(Sm2.parsePublicKey(publicPem), Sm2.parsePrivateKey(privatePem));
    }
}
