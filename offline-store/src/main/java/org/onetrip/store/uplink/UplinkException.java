package org.onetrip.store.uplink;

/** A request to the platform did not succeed; {@link #result()} says which response class it fell in. */
public class UplinkException extends Exception {
    private final transient UplinkResult result;

    public UplinkException(UplinkResult result) {
        super(switch (result) {
            case UplinkResult.RetryLater r -> r.error();
            case UplinkResult.Halt h -> h.operatorMessage();
            case UplinkResult.Refused r -> r.reason();
            case UplinkResult.Accepted a -> "accepted";
            case UplinkResult.Stored st -> "stored";
        });
        this.result = result;
    }

    public UplinkResult result() {
        return result;
    }
}
