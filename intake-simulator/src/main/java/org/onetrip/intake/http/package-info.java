/**
 * The HTTP side of the simulator on Jetty's core {@code Handler} API: routing, bounded body reading, the
 * request-signature check ({@link org.onetrip.intake.http.Authenticator}) and JSON replies. Endpoint features
 * receive an authenticated {@link org.onetrip.intake.http.SignedRequest} and answer a
 * {@link org.onetrip.intake.http.Reply}; no stack trace and no body ever reaches a response or a log line.
 */
package org.onetrip.intake.http;
