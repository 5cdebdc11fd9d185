package org.onetrip.intake.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.onetrip.intake.fault.FaultInjector;
import org.onetrip.intake.fault.Faults;
import org.onetrip.store.uplink.RequestSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes Intake API requests: an unknown route is 404 before any authentication; a known one has its body
 * read (bounded), its signature checked against PATH?QUERY exactly as received, then goes to its
 * {@link Endpoint}. Any failure becomes a JSON 500 without details; logs carry method, path, terminal and
 * status only.
 */
public final class IntakeHandler extends Handler.Abstract {
    public static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(IntakeHandler.class);
    private static final String JSON_UTF8 = "application/json; charset=utf-8";

    private final Router router;
    private final Authenticator authenticator;
    private final Clock clock;
    private final FaultInjector faults;
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

    public IntakeHandler(Router router, Authenticator authenticator, Clock clock, FaultInjector faults) {
        this.router = router;
        this.authenticator = authenticator;
        this.clock = clock;
        this.faults = faults;
    }

    /** How many requests {@code "METHOD /path"} has received (whatever their answer or fault). */
    public long requestCount(String methodAndPath) {
        LongAdder count = requests.get(methodAndPath);
        return count == null ? 0 : count.sum();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        requests.computeIfAbsent(method + " " + path, k -> new LongAdder()).increment();
        Faults.Fault fault = router.route(method, path).isPresent() ? faults.draw() : Faults.Fault.NONE;
        if (fault == Faults.Fault.RESET) {
            reset(request, callback, "reset before handling");
            return true;
        }
        if (fault == Faults.Fault.ERROR) {
            send(Reply.reason(503, "injected fault: the platform is unavailable; retry later"), response, callback);
            return true;
        }
        Reply reply;
        try {
            reply = answer(request, method, path);
        } catch (RuntimeException | IOException e) {
            LOG.error("intake simulator: {} {} failed", method, path, e);
            reply = Reply.reason(500, "internal error of the intake simulator; retry later");
        }
        LOG.debug("{} {} terminal={} -> {} {}", method, path, terminalOf(request), reply.status(), fault);
        if (fault == Faults.Fault.COMMIT_THEN_FAIL) {
            reset(request, callback, "handled, answer lost");
            return true;
        }
        if (fault == Faults.Fault.SLOW) {
            try {
                Thread.sleep(faults.current().slowDelay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        send(reply, response, callback);
        return true;
    }

    /** Drops the connection with a TCP reset (linger 0), as a failing network or a crashed proxy would. */
    private static void reset(Request request, Callback callback, String what) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        if (endPoint.getTransport() instanceof SocketChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                LOG.debug("intake simulator: cannot set linger 0 for an injected reset: {}", e.toString());
            }
        }
        endPoint.close();
        callback.failed(new IOException("intake simulator: injected fault: " + what));
    }

    private Reply answer(Request request, String method, String path) throws IOException {
        Optional<Endpoint> endpoint = router.route(method, path);
        if (endpoint.isEmpty()) {
            return Reply.reason(404, "no such Intake API operation: " + method + " " + path);
        }
        Optional<byte[]> body = readBody(request);
        if (body.isEmpty()) {
            return Reply.reason(413, "body larger than " + MAX_BODY_BYTES + " bytes");
        }
        String query = request.getHttpURI().getQuery();
        String pathAndQuery = query == null ? path : path + "?" + query;
        Optional<Reply> refusal = authenticator.refusal(method, pathAndQuery, request.getHeaders(), body.get());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Optional<Map<String, String>> parameters = queryParameters(request);
        if (parameters.isEmpty()) {
            return Reply.reason(400, "malformed query string");
        }
        SignedRequest signed = new SignedRequest(terminalOf(request), request.getHeaders().get("Idempotency-Key"),
                parameters.get(), body.get());
        return endpoint.get().handle(signed);
    }

    private static Optional<byte[]> readBody(Request request) throws IOException {
        long declared = request.getLength();
        if (declared > MAX_BODY_BYTES) {
            return Optional.empty();
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(bytes);
        }
    }

    /** Decoded query parameters (first value of each), or empty when the query is not well-formed. */
    private static Optional<Map<String, String>> queryParameters(Request request) {
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Map<String, String> query = new LinkedHashMap<>();
        fields.forEach(field -> query.putIfAbsent(field.getName(), field.getValue()));
        return Optional.of(query);
    }

    private static String terminalOf(Request request) {
        return request.getHeaders().get(RequestSignature.TERMINAL_HEADER);
    }

    private void send(Reply reply, Response response, Callback callback) {
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.DATE, RequestSignature.httpDate(clock.instant()));
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (reply.body() == null) {
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_UTF8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
