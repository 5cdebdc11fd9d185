package org.onetrip.intake.http;

/** One operation of the Intake API, given an authenticated request. */
@FunctionalInterface
public interface Endpoint {
    Reply handle(SignedRequest request);
}
