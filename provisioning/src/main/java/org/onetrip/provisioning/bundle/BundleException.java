package org.onetrip.provisioning.bundle;

/** A provisioning bundle or QR that must not be used; the message names what is wrong and what to do. */
public class BundleException extends RuntimeException {
    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
