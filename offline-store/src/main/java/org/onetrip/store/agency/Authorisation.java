package org.onetrip.store.agency;

import java.time.Instant;
import java.util.UUID;

/**
 * A resident's authorisation (委托) of an agent for one item, recorded when the resident tapped their card.
 *
 * @param residentMask e.g. {@code 王*兰 340121********002X}; the full ID number is kept only as the salted key
 * @param slipRequired the item needs the resident's signature on a printed authorisation slip
 */
public record Authorisation(UUID id, String residentMask, String taskCode, String itemName, String staffId,
                            boolean slipRequired, Instant at) {
}
