package org.onetrip.kiosk.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security headers on every response, and a same-origin check on every request that could change state.
 * <ul>
 *   <li>No framing ({@code X-Frame-Options: DENY}, CSP {@code frame-ancestors 'none'}): the kiosk cannot be put in
 *       another page's frame and clicked through (clickjacking).</li>
 *   <li>A CSP that allows only this origin. Vaadin Flow needs inline scripts and styles and {@code eval} (its
 *       {@code executeJs} and the push bootstrap; strict nonce CSP does not work with {@code @Push}, vaadin/flow
 *       #20329), and {@code data:} images and fonts (Lumo's icons); the camera preview uses {@code blob:} and
 *       {@code mediastream:}.</li>
 *   <li>{@code Cache-Control: no-store} on everything that is not a versioned static file (pages, UIDL, the
 *       receipt picture, CSV exports): no resident's data is left in Chromium's disk cache. The web app cannot
 *       weaken it: a later {@code Cache-Control} from the app is ignored on those responses.</li>
 *   <li>{@code POST}/{@code PUT}/{@code PATCH}/{@code DELETE} and WebSocket upgrades (Vaadin's push) from another
 *       origin are refused with 403: an {@code Origin} other than this server's, or {@code Sec-Fetch-Site:
 *       cross-site}. Vaadin's UIDL also carries its CSRF token; uploads and downloads carry a per-element secret in
 *       their URL; this check covers any endpoint added outside Vaadin as well.</li>
 * </ul>
 * Session cookies ({@code HttpOnly; SameSite=Strict}, {@code Secure} over TLS) are set on the session handler
 * ({@link WebServer}).
 */
public final class SecurityHeadersHandler extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(SecurityHeadersHandler.class);

    /** What this origin's pages may load; nothing may frame them. */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "media-src 'self' blob: mediastream:",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    /**
     * Only this origin may use the camera (the materials step); no other device feature. Only features Chromium knows:
     * an unknown one is an error in its console.
     */
    public static final String PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=(), usb=(),"
            + " serial=(), midi=(), display-capture=()";

    private static final List<HttpField> FIXED = List.of(
            new HttpField("X-Frame-Options", "DENY"),
            new HttpField("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            new HttpField("X-Content-Type-Options", "nosniff"),
            new HttpField("Referrer-Policy", "no-referrer"),
            new HttpField("Permissions-Policy", PERMISSIONS_POLICY));
    private static final HttpField NO_STORE = new HttpField(HttpHeader.CACHE_CONTROL, "no-store");
    private static final Set<String> UNSAFE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> STATIC_EXTENSIONS = Set.of("css", "js", "mjs", "map", "woff", "woff2", "ttf",
            "otf", "svg", "ico", "png", "jpg", "jpeg", "gif", "webp");

    public SecurityHeadersHandler(Handler app) {
        super(app);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean noStore = !isStaticFile(Request.getPathInContext(request), request.getHttpURI().getQuery());
        HttpFields.Mutable headers = response.getHeaders();
        FIXED.forEach(headers::put);
        if (noStore) {
            headers.put(NO_STORE);
        }
        if (crossOrigin(request)) {
            log.warn("web: refused a cross-origin {} to {} from {} (origin {})", request.getMethod(),
                    Request.getPathInContext(request), Request.getRemoteAddr(request),
                    request.getHeaders().get(HttpHeader.ORIGIN));
            Response.writeError(request, response, callback, 403, "cross-origin request refused");
            return true;
        }
        return super.handle(request, new Guarded(request, response, noStore), callback);
    }

    /**
     * A versioned or plain static file that may be cached: Vaadin's bundle ({@code /VAADIN/build/},
     * {@code /VAADIN/static/}) and the stylesheet, fonts and pictures under {@code META-INF/resources}. Never a
     * Vaadin request ({@code ?v-r=…}) or a dynamic resource ({@code /VAADIN/dynamic/}: receipts, CSV exports).
     */
    static boolean isStaticFile(String path, String query) {
        if (path == null || path.startsWith("/VAADIN/dynamic/") || (query != null && query.contains("v-r="))) {
            return false;
        }
        if (path.startsWith("/VAADIN/build/") || path.startsWith("/VAADIN/static/")) {
            return true;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 && STATIC_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * True for a state-changing method or a WebSocket upgrade whose {@code Origin} is not this server's own (scheme,
     * host and port as the request reached it), or that the browser marks as {@code Sec-Fetch-Site: cross-site}.
     * A request without either header (curl, the watchdog) is not a browser's cross-site request and passes.
     */
    static boolean crossOrigin(Request request) {
        boolean upgrade = HttpMethod.GET.is(request.getMethod())
                && "websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeader.UPGRADE));
        if (!upgrade && !UNSAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return false;
        }
        if ("cross-site".equalsIgnoreCase(request.getHeaders().get("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        return origin != null && !origin.equalsIgnoreCase(ownOrigin(request.getHttpURI()));
    }

    private static String ownOrigin(HttpURI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme)
                && port == 443);
        return scheme + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
    }

    /** The response as the web app sees it: it may add headers, but not replace or remove the ones set here. */
    private static final class Guarded extends Response.Wrapper {
        private final HttpFields.Mutable headers;
        private final boolean noStore;

        Guarded(Request request, Response response, boolean noStore) {
            super(request, response);
            this.noStore = noStore;
            this.headers = new HttpFields.Mutable.Wrapper(response.getHeaders()) {
                @Override
                public HttpField onAddField(HttpField field) {
                    return owned(field, noStore) ? null : field;
                }

                @Override
                public boolean onRemoveField(HttpField field) {
                    return !owned(field, noStore);
                }

                @Override
                public HttpField onReplaceField(HttpField oldField, HttpField newField) {
                    return owned(oldField, noStore) ? oldField : newField;
                }
            };
        }

        @Override
        public HttpFields.Mutable getHeaders() {
            return headers;
        }

        /** An error page after a reset still carries the headers. */
        @Override
        public void reset() {
            super.reset();
            FIXED.forEach(getWrapped().getHeaders()::put);
            if (noStore) {
                getWrapped().getHeaders().put(NO_STORE);
            }
        }

        private static boolean owned(HttpField field, boolean noStore) {
            if (field.getHeader() == HttpHeader.CACHE_CONTROL || field.getHeader() == HttpHeader.PRAGMA
                    || field.getHeader() == HttpHeader.EXPIRES) {
                return noStore;
            }
            return FIXED.stream().anyMatch(f -> f.getName().equalsIgnoreCase(field.getName()));
        }
    }
}
