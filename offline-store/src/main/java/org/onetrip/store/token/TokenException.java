package org.onetrip.store.token;

/** A scanned text is not a receipt token this terminal can accept; {@link #reason()} says why. */
public class TokenException extends RuntimeException {

    /** Why a token was refused. */
    public enum Reason {
        /** Not {@code ZW1:} followed by Base45: some other QR code. */
        NOT_A_TOKEN,
        /** The prefix is right but the content is not a well-formed token: damaged or forged. */
        MALFORMED,
        /** Well formed, but signed by a key not on the trust list. */
        UNKNOWN_SIGNER,
        /** Signed by a trusted key id, but the signature does not match: altered. */
        BAD_SIGNATURE
    }

    private final Reason reason;

    public TokenException(Reason reason, String message) {
        this(reason, message, null);
    }

    public TokenException(Reason reason, String message, Throwable cause) {
        super("receipt token: " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
