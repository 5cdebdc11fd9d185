package org.onetrip.intake.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
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

    public IntakeHandler(Router router, Authenticator authenticator) {
        this.router = router;
        this.authenticator = authenticator;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        Reply reply;
        try {
            reply = answer(request, method, path);
        } catch (RuntimeException | IOException e) {
            LOG.error("intake simulator: {} {} failed", method, path, e);
            reply = Reply.reason(500, "internal error of the intake simulator; retry later");
        }
        LOG.debug("{} {} terminal={} -> {}", method, path, terminalOf(request), reply.status());
        send(reply, response, callback);
        return true;
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
        return request.getHeaders().get(org.onetrip.store.uplink.RequestSignature.TERMINAL_HEADER);
    }

    private static void send(Reply reply, Response response, Callback callback) {
        response.setStatus(reply.status());
        if (reply.body() == null) {
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_UTF8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
