package org.onetrip.intake.http;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.eclipse.jetty.http.HttpFields;
import org.onetrip.intake.terminal.TerminalRegistry;
import org.onetrip.store.uplink.RequestSignature;

/**
 * The contract's request authentication: 403 for an unknown or revoked terminal, 401 for a missing or
 * malformed {@code Date}, a {@code Date} further than the allowed skew from the clock, or a missing or bad
 * {@code X-Signature}. Checked in that order, so a revoked terminal learns it is revoked whatever its clock.
 */
public final class Authenticator {
    private final TerminalRegistry terminals;
    private final Clock clock;
    private final Duration maxClockSkew;

    public Authenticator(TerminalRegistry terminals, Clock clock, Duration maxClockSkew) {
        this.terminals = terminals;
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
    }

    /** The refusal of this request, or empty when it is signed by an enrolled terminal at an acceptable time. */
    public Optional<Reply> refusal(String method, String pathAndQuery, HttpFields headers, byte[] body) {
        String terminalId = headers.get(RequestSignature.TERMINAL_HEADER);
        if (terminalId == null || terminalId.isBlank()) {
            return Optional.of(Reply.reason(401, "missing " + RequestSignature.TERMINAL_HEADER + " header"));
        }
        Optional<PublicKey> key = terminals.trustedKey(terminalId);
        if (key.isEmpty()) {
            String why = terminals.isRevoked(terminalId) ? "is revoked" : "is not enrolled";
            return Optional.of(Reply.reason(403, "terminal " + terminalId + " " + why + " at this server"));
        }
        String date = headers.get(RequestSignature.DATE_HEADER);
        Optional<Reply> badDate = dateRefusal(date);
        if (badDate.isPresent()) {
            return badDate;
        }
        String signature = headers.get(RequestSignature.SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            return Optional.of(Reply.reason(401, "missing " + RequestSignature.SIGNATURE_HEADER + " header"));
        }
        if (!RequestSignature.verify(key.get(), signature, method, pathAndQuery, date, body)) {
            return Optional.of(Reply.reason(401, "bad signature: it does not verify with the enrolled key of "
                    + terminalId + " over METHOD, PATH?QUERY as sent, Date and SM3(body)"));
        }
        return Optional.empty();
    }

    private Optional<Reply> dateRefusal(String date) {
        Optional<Instant> sent = RequestSignature.parseHttpDate(date);
        if (sent.isEmpty()) {
            return Optional.of(Reply.reason(401, "missing or malformed " + RequestSignature.DATE_HEADER
                    + " header; send an RFC 1123 date such as " + RequestSignature.httpDate(clock.instant())));
        }
        Instant now = clock.instant();
        Duration skew = Duration.between(sent.get(), now).abs();
        if (skew.compareTo(maxClockSkew) > 0) {
            return Optional.of(Reply.reason(401, "clock skew: Date is " + date + " but server time is "
                    + RequestSignature.httpDate(now) + ", more than " + maxClockSkew.toMinutes()
                    + " min apart; correct the terminal's clock"));
        }
        return Optional.empty();
    }
}
