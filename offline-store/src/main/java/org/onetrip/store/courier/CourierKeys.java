package org.onetrip.store.courier;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.onetrip.store.token.KeyId;
import org.onetrip.store.token.TrustList;

/**
 * The keys of the courier. There is no shared county key: a bundle's SM4 key is wrapped with SM2 separately for
 * each county terminal's own public key (the list provisioning installs), so each importing terminal unwraps it
 * with its own terminal key, which never leaves it; the exporting terminal signs the bundle with that same key,
 * and an importing terminal accepts only signers on the list.
 *
 * @param terminalPrivate this terminal's key: signs exports, unwraps imports
 * @param terminalPublic  its public half (named in bundles by {@link KeyId})
 * @param countyTerminals the county terminals' public keys as provisioned now (asked on every export and import,
 *                        so a newly applied list counts without a restart); this terminal is added if missing
 */
public record CourierKeys(PrivateKey terminalPrivate, PublicKey terminalPublic,
                          Supplier<List<PublicKey>> countyTerminals) {

    /** Keys with a fixed list of county terminals. */
    public static CourierKeys of(PrivateKey terminalPrivate, PublicKey terminalPublic, List<PublicKey> county) {
        List<PublicKey> fixed = List.copyOf(county);
        return new CourierKeys(terminalPrivate, terminalPublic, () -> fixed);
    }

    /** Whom a bundle is encrypted for and whose bundles are accepted: this terminal and the provisioned list. */
    public List<PublicKey> recipients() {
        Map<KeyId, PublicKey> byId = new LinkedHashMap<>();
        byId.put(KeyId.of(terminalPublic), terminalPublic);
        for (PublicKey key : countyTerminals.get()) {
            byId.putIfAbsent(KeyId.of(key), key);
        }
        return new ArrayList<>(byId.values());
    }

    /** The signers whose bundles this terminal imports: the same list as {@link #recipients()}. */
    public TrustList trustedSigners() {
        return TrustList.of(recipients().toArray(PublicKey[]::new));
    }
}
