package org.onetrip.store.token;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signers whose receipt tokens this terminal accepts, by {@link KeyId}.
 *
 * <p>Today a terminal trusts its own key ({@link #of(PublicKey...)}). The county's list of its
 * terminals' keys is the seam for provisioning: it supplies another {@code TrustList} (for example
 * from a signed provisioning bundle) and the composition root combines them with {@link #union}. A
 * verifier asks the list on every token, so an implementation may change its keys at run time (key
 * rotation, revocation).
 */
@FunctionalInterface
public interface TrustList {

    /** The public key of the signer {@code kid}, if trusted. */
    Optional<PublicKey> find(KeyId kid);

    /** A fixed list of keys, each under its own {@link KeyId}. */
    static TrustList of(PublicKey... keys) {
        Map<KeyId, PublicKey> byId = new LinkedHashMap<>();
        for (PublicKey key : keys) {
            byId.put(KeyId.of(key), key);
        }
        Map<KeyId, PublicKey> fixed = Map.copyOf(byId);
        return kid -> Optional.ofNullable(fixed.get(kid));
    }

    /** Trusts a signer if any of {@code lists} does, asking them in order. */
    static TrustList union(List<TrustList> lists) {
        List<TrustList> copy = List.copyOf(lists);
        return kid -> copy.stream().map(list -> list.find(kid)).flatMap(Optional::stream).findFirst();
    }
}
