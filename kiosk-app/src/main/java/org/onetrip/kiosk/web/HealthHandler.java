package org.onetrip.kiosk.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /health}: 200 {@code {"status":"ok"}} while the server takes requests, for the lock-down watchdog
 * ({@code onetrip-watchdog}), which also checks that the page renders. Everything else goes to the web app.
 */
public final class HealthHandler extends Handler.Wrapper {
    public static final String PATH = "/health";
    private static final byte[] OK = "{\"status\":\"ok\"}\n".getBytes(StandardCharsets.US_ASCII);

    public HealthHandler(Handler app) {
        super(app);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(OK), callback);
        return true;
    }
}
