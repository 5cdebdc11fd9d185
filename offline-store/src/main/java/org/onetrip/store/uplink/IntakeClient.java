package org.onetrip.store.uplink;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.util.component.ContainerLifeCycle;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The terminal's client of the Intake API (DESIGN.md). Every request is signed with the terminal's SM2 key;
 * every answer is mapped to the response classes the sync engine acts on. Never logs bodies. Uses Jetty's
 * HTTP client, the same stack as the kiosk's server, as a managed part of the lifecycle.
 */
public final class IntakeClient extends ContainerLifeCycle {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Supplier<URI> baseUri;
    private final TerminalIdentity identity;
    private final Clock clock;
    private final HttpClient http;

    /** A client of the platform at {@code base}. */
    public IntakeClient(URI base, TerminalIdentity identity, Clock clock) {
        this(() -> base, identity, clock);
    }

    /** A client of a platform whose address is known only once it runs (a simulator on an ephemeral port). */
    public IntakeClient(Supplier<URI> base, TerminalIdentity identity, Clock clock) {
        this.baseUri = base;
        this.identity = identity;
        this.clock = clock;
        this.http = new HttpClient();
        this.http.setConnectTimeout(10_000);
        this.http.setFollowRedirects(false);
        addBean(http);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // Jetty's client would turn a 401 without WWW-Authenticate into a protocol error (and so a retry);
        // the contract's 401 means "bad signature or clock" and must halt the queue for an operator.
        http.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        http.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
    }

    public URI base() {
        return baseUri.get();
    }

    /** The platform's address for messages; never throws, even while a simulator's address is not known. */
    private String where() {
        try {
            return String.valueOf(baseUri.get());
        } catch (RuntimeException e) {
            return "address not known yet";
        }
    }

    /** Uploads a sealed body; the submission id is the Idempotency-Key, so a retry can never duplicate it. */
    public UplinkResult postSubmission(UUID submissionId, byte[] body) {
        ContentResponse response;
        try {
            Request request = signed("POST", "/api/v1/submissions", body)
                    .headers(h -> h.put("Idempotency-Key", submissionId.toString()));
            response = send(request);
        } catch (UplinkException e) {
            return e.result();
        }
        int status = response.getStatus();
        if (status == 200 || status == 201) {
            try {
                JsonNode node = JSON.readTree(response.getContent());
                String projectNo = node.path("projectNo").asString("");
                if (projectNo.isBlank()) {
                    return new UplinkResult.RetryLater("uplink[" + where() + "]: " + status + " without projectNo");
                }
                Instant receivedAt = parseInstant(node.path("receivedAt").asString(""));
                return new UplinkResult.Accepted(projectNo, receivedAt);
            } catch (JacksonException e) {
                return new UplinkResult.RetryLater("uplink[" + where() + "]: " + status + " with a body that is not JSON");
            }
        }
        return classifyFailure(status, response.getContent());
    }

    /** One page of status changes after {@code cursor} (null: from the beginning). */
    public StatusPage pullStatus(String cursor) throws UplinkException {
        String path = "/api/v1/status" + (cursor == null ? "" : "?since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        ContentResponse response = send(signed("GET", path, new byte[0]));
        if (response.getStatus() != 200) {
            UplinkResult failure = classifyFailure(response.getStatus(), response.getContent());
            throw new UplinkException(failure);
        }
        try {
            JsonNode node = JSON.readTree(response.getContent());
            List<StatusPage.Change> changes = new ArrayList<>();
            for (JsonNode c : node.path("changes")) {
                changes.add(new StatusPage.Change(UUID.fromString(c.path("submissionId").asString()),
                        c.path("projectNo").asString(null), c.path("status").asString(""),
                        c.path("note").asString(null), parseInstant(c.path("at").asString(""))));
            }
            return new StatusPage(changes, node.path("cursor").asString(cursor));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new UplinkException(new UplinkResult.RetryLater("uplink[" + where() + "]: status answer is malformed"));
        }
    }

    private ContentResponse send(Request request) throws UplinkException {
        try {
            return request.send();
        } catch (TimeoutException e) {
            throw new UplinkException(new UplinkResult.RetryLater("uplink[" + where() + "]: timed out"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new UplinkException(new UplinkResult.RetryLater("uplink[" + where() + "]: "
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UplinkException(new UplinkResult.RetryLater("uplink[" + where() + "]: interrupted"));
        }
    }

    private Request signed(String method, String pathAndQuery, byte[] body) throws UplinkException {
        String date = RequestSignature.httpDate(clock.instant());
        String signature = RequestSignature.sign(identity.privateKey(), method, pathAndQuery, date, body);
        URI target;
        try {
            target = base().resolve(pathAndQuery);
        } catch (RuntimeException e) {
            throw new UplinkException(new UplinkResult.RetryLater("uplink[" + where() + "]: " + e.getMessage()));
        }
        Request request = http.newRequest(target)
                .method(method)
                .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> h.put(RequestSignature.TERMINAL_HEADER, identity.terminalId())
                        .put(RequestSignature.SIGNATURE_HEADER, signature)
                        .put(RequestSignature.DATE_HEADER, date));
        if (body.length > 0) {
            request.body(new BytesRequestContent("application/json; charset=utf-8", body));
        }
        return request;
    }

    private UplinkResult classifyFailure(int status, byte[] body) {
        String reason = reason(body);
        if (status == 422 || status == 409) {
            return new UplinkResult.Refused(status, reason.isEmpty() ? "HTTP " + status : reason);
        }
        if (status >= 500 || status == 408 || status == 429) {
            return new UplinkResult.RetryLater("uplink[" + where() + "]: HTTP " + status);
        }
        String message = switch (status) {
            case 401 -> "uplink[" + where() + "]: 401, the platform refused the signature or the date; check the clock"
                    + " and the terminal key (" + reason + ")";
            case 403 -> "uplink[" + where() + "]: 403, this terminal is unknown to the platform or revoked; re-enrol it";
            default -> "uplink[" + where() + "]: HTTP " + status + " " + reason;
        };
        return new UplinkResult.Halt(status, message);
    }

    private static String reason(byte[] body) {
        try {
            return JSON.readTree(body).path("reason").asString("");
        } catch (JacksonException e) {
            return "";
        }
    }

    private Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return clock.instant();
        }
    }

    @Override
    public String toString() {
        return "uplink[" + where() + "]@" + getState();
    }
}
