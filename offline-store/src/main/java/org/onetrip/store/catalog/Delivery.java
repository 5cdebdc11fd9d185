package org.onetrip.store.catalog;

/** How the result of an item can reach the resident (快递送达、网端推送). */
public enum Delivery {
    /** Collected at the village (community) agency point. */
    VILLAGE_POINT,
    /** Collected at the service hall's window. */
    WINDOW,
    /** Sent by express to the address on the card. */
    EXPRESS,
    /** Pushed online (electronic licence, SMS, the platform's app): nothing to collect. */
    ONLINE
}
