package org.onetrip.store.uplink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamRequestContent;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.crypto.SealedFiles;
import org.onetrip.store.feedback.FeedbackKind;

/**
 * The terminal's client of the Intake API (DESIGN.md). Every request is signed with the terminal's SM2 key;
 * every answer is mapped to the response classes the sync engine acts on. Never logs bodies. Uses Jetty's
 * HTTP client, the same stack as the kiosk's server, as a managed part of the lifecycle.
 */
public final class IntakeClient extends ContainerLifeCycle {
    /** The header with which a catalog answer names the version it carries. */
    public static final String CATALOG_VERSION_HEADER = "X-Catalog-Version";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private final Supplier<URI> baseUri;
    private final TerminalIdentity identity;
    private final Clock clock;
    private volatile HttpClient http; // made at start: its TLS set-up is not something a constructor should cost
    private volatile Duration timeout = DEFAULT_TIMEOUT;
    private volatile Duration clockSkew;

    /** A client of the platform at {@code base}. */
    public IntakeClient(URI base, TerminalIdentity identity, Clock clock) {
        this(() -> base, identity, clock);
    }

    /** A client of a platform whose address is known only once it runs (a simulator on an ephemeral port). */
    public IntakeClient(Supplier<URI> base, TerminalIdentity identity, Clock clock) {
        this.baseUri = base;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    protected void doStart() throws Exception {
        if (http == null) {
            HttpClient client = new HttpClient();
            client.setConnectTimeout(10_000);
            client.setFollowRedirects(false);
            addBean(client);
            http = client;
        }
        super.doStart();
        // Jetty's client would turn a 401 without WWW-Authenticate into a protocol error (and so a retry);
        // the contract's 401 means "bad signature or clock" and must halt the queue for an operator.
        http.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        http.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
    }

    /** How long one request may take, connection to last byte of the answer (20 s unless set). */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * How far the platform's clock ({@code Date} of its last answer) is ahead of this terminal's; empty before any
     * answer. The contract refuses requests more than 10 minutes off, so a growing skew is worth reporting early.
     */
    public Optional<Duration> clockSkew() {
        return Optional.ofNullable(clockSkew);
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
            return IntakeAnswers.accepted(status, response.getContent(), "uplink[" + where() + "]", clock);
        }
        return classifyFailure(status, response.getContent());
    }

    /** Opens an attachment's bytes (decrypted) from their start; called once to hash them and once to send them. */
    @FunctionalInterface
    public interface AttachmentBytes {
        InputStream open() throws IOException;
    }

    /**
     * Uploads an attachment's bytes, streamed from {@code bytes} (memory does not grow with its size), under its
     * SHA-256; 201 or 200 are {@link UplinkResult.Stored}, a 422 (the bytes do not hash to the name) is
     * {@link UplinkResult.Refused}.
     */
    public UplinkResult putAttachment(AttachmentRef ref, AttachmentBytes bytes) {
        String path = "/api/v1/attachments/" + ref.sha256();
        ContentResponse response;
        try {
            String digest;
            try (InputStream in = bytes.open()) {
                digest = Sm2.sm3Hex(in);
            }
            InputStream body = bytes.open();
            Request request = signedDigest("PUT", path, digest)
                    .body(new InputStreamRequestContent(ref.mediaType(), body));
            try {
                response = send(request);
            } finally {
                body.close();
            }
        } catch (SealedFiles.DamagedFileException e) {
            return new UplinkResult.Refused(0, "the file is damaged on this terminal (" + e.getMessage() + ")");
        } catch (IOException e) {
            return new UplinkResult.RetryLater("uplink[" + where() + "]: attachment " + ref.sha256()
                    + " cannot be read: " + e.getMessage());
        } catch (UplinkException e) {
            return e.result();
        }
        int status = response.getStatus();
        if (status == 200 || status == 201) {
            return new UplinkResult.Stored(status);
        }
        return classifyFailure(status, response.getContent());
    }

    /** Sends a rating or complaint with its id as the Idempotency-Key; a repeat is answered as the first time. */
    public UplinkResult postFeedback(FeedbackKind kind, UUID id, byte[] body) {
        return postStored(kind.path(), id, body);
    }

    /** Reports the terminal's health ({@code POST /api/v1/heartbeat}). */
    public UplinkResult heartbeat(byte[] body) {
        return postStored("/api/v1/heartbeat", null, body);
    }

    private UplinkResult postStored(String path, UUID key, byte[] body) {
        ContentResponse response;
        try {
            Request request = signed("POST", path, body);
            if (key != null) {
                request.headers(h -> h.put("Idempotency-Key", key.toString()));
            }
            response = send(request);
        } catch (UplinkException e) {
            return e.result();
        }
        int status = response.getStatus();
        if (status == 200 || status == 201 || status == 204) {
            return new UplinkResult.Stored(status);
        }
        return classifyFailure(status, response.getContent());
    }

    /** A catalog bundle as received: the version the platform named (if it did) and the file it was saved to. */
    public record CatalogDownload(Optional<String> version, Path file) {
    }

    /**
     * Downloads the catalog bundle newer than {@code sinceVersion} (null: any) into a new file in {@code dir},
     * streamed; empty on 204 (nothing newer).
     */
    public Optional<CatalogDownload> pullCatalog(String sinceVersion, Path dir) throws UplinkException {
        String path = "/api/v1/catalog" + (sinceVersion == null ? ""
                : "?since=" + URLEncoder.encode(sinceVersion, StandardCharsets.UTF_8));
        Request request = signed("GET", path, new byte[0]);
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        Response response;
        try {
            response = listener.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abort(e);
            throw new UplinkException(new UplinkResult.RetryLater("uplink[" + where() + "]: interrupted"));
        } catch (TimeoutException | ExecutionException e) {
            request.abort(e);
            throw new UplinkException(new UplinkResult.RetryLater("uplink[" + where() + "]: catalog: " + e));
        }
        noteDate(response.getHeaders().get(HttpHeader.DATE));
        try (InputStream body = listener.getInputStream()) {
            if (response.getStatus() == 204) {
                return Optional.empty();
            }
            if (response.getStatus() != 200) {
                throw new UplinkException(classifyFailure(response.getStatus(), body.readNBytes(64 * 1024)));
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "catalog-", ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.transferTo(out);
            }
            Path file = dir.resolve("catalog-" + UUID.randomUUID() + ".bundle");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(new CatalogDownload(
                    Optional.ofNullable(response.getHeaders().get(CATALOG_VERSION_HEADER)), file));
        } catch (IOException e) {
            throw new UplinkException(new UplinkResult.RetryLater("uplink[" + where() + "]: catalog download broke: "
                    + e.getMessage()));
        }
    }

    /** One page of status changes after {@code cursor} (null: from the beginning). */
    public StatusPage pullStatus(String cursor) throws UplinkException {
        String path = "/api/v1/status" + (cursor == null ? "" : "?since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        ContentResponse response = send(signed("GET", path, new byte[0]));
        if (response.getStatus() != 200) {
            UplinkResult failure = classifyFailure(response.getStatus(), response.getContent());
            throw new UplinkException(failure);
        }
        return IntakeAnswers.statusPage(response.getContent(), cursor, "uplink[" + where() + "]", clock);
    }

    private ContentResponse send(Request request) throws UplinkException {
        try {
            ContentResponse response = request.send();
            noteDate(response.getHeaders().get(HttpHeader.DATE));
            return response;
        } catch (TimeoutException e) {
            throw new UplinkException(new UplinkResult.RetryLater("uplink[" + where() + "]: timed out"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new UplinkException(new UplinkResult.RetryLater("uplink[" + where() + "]: " + brief(cause)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UplinkException(new UplinkResult.RetryLater("uplink[" + where() + "]: interrupted"));
        }
    }

    private void noteDate(String date) {
        RequestSignature.parseHttpDate(date).ifPresent(server -> clockSkew = Duration.between(clock.instant(), server));
    }

    /** A transport failure in a line an operator can read (Jetty's messages can carry whole connection dumps). */
    private static String brief(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank() || message.contains("@")) {
            return cause.getClass().getSimpleName() + " (connection lost)";
        }
        return cause.getClass().getSimpleName() + ": " + (message.length() > 160 ? message.substring(0, 160) + "…" : message);
    }

    private Request signed(String method, String pathAndQuery, byte[] body) throws UplinkException {
        Request request = signedDigest(method, pathAndQuery, Sm2.sm3Hex(body));
        if (body.length > 0) {
            request.body(new BytesRequestContent("application/json; charset=utf-8", body));
        }
        return request;
    }

    private Request signedDigest(String method, String pathAndQuery, String bodySm3Hex) throws UplinkException {
        String date = RequestSignature.httpDate(clock.instant());
        String signature = RequestSignature.signDigest(identity.privateKey(), method, pathAndQuery, date, bodySm3Hex);
        URI target;
        try {
            target = base().resolve(pathAndQuery);
        } catch (RuntimeException e) {
            throw new UplinkException(new UplinkResult.RetryLater("uplink[" + where() + "]: " + e.getMessage()));
        }
        HttpClient client = http;
        if (client == null) {
            throw new UplinkException(new UplinkResult.RetryLater("uplink[" + where() + "]: not started yet"));
        }
        Request request = client.newRequest(target)
                .method(method)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> h.put(RequestSignature.TERMINAL_HEADER, identity.terminalId())
                        .put(RequestSignature.SIGNATURE_HEADER, signature)
                        .put(RequestSignature.DATE_HEADER, date));
        return request;
    }

    private UplinkResult classifyFailure(int status, byte[] body) {
        String reason = IntakeAnswers.reason(body);
        if (status == 422 || status == 409) {
            return new UplinkResult.Refused(status, reason.isEmpty() ? "HTTP " + status : reason);
        }
        if (status >= 500 || status == 408 || status == 429) {
            return new UplinkResult.RetryLater("uplink[" + where() + "]: HTTP " + status);
        }
        String message = switch (status) {
            case 401 -> "uplink[" + where() + "]: 401, the platform refused the signature or the date; check the clock"
                    + " and the terminal key (" + reason + ")" + clockSkew()
                    .filter(d -> d.abs().compareTo(Duration.ofMinutes(1)) > 0)
                    .map(d -> "; the platform's clock is " + d.toSeconds() + " s ahead of this terminal's").orElse("");
            case 403 -> "uplink[" + where() + "]: 403, this terminal is unknown to the platform or revoked; re-enrol it";
            default -> "uplink[" + where() + "]: HTTP " + status + " " + reason;
        };
        return new UplinkResult.Halt(status, message);
    }

    @Override
    public String toString() {
        return "uplink[" + where() + "]@" + getState();
    }
}
