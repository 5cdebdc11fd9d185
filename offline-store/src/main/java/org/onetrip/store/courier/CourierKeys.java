package org.onetrip.store.courier;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

import org.onetrip.store.token.TrustList;

/**
 * The keys of the courier: bundles are encrypted for the county's courier key (SM2; every terminal of the county
 * that may import holds its private half, provisioned with the trusted keys) and signed by the exporting
 * terminal's own key; an importing terminal accepts only signers in {@code trustedTerminals}.
 *
 * @param courierPublic    whom bundles are encrypted for
 * @param courierPrivate   present on terminals that may import
 * @param terminalPrivate  this terminal's signing key
 * @param terminalPublic   its public half (named in the bundle by {@link org.onetrip.store.token.KeyId})
 * @param trustedTerminals the county's terminals whose bundles this one accepts
 */
public record CourierKeys(PublicKey courierPublic, Optional<PrivateKey> courierPrivate, PrivateKey terminalPrivate,
                          PublicKey terminalPublic, TrustList trustedTerminals) {
}
