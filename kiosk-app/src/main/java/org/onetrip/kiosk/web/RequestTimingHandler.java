package org.onetrip.kiosk.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Measures each request's server time, from the moment Jetty hands it to the web app to the moment its response
 * is complete (the callback), into {@link RequestTimings}; serves the readings at {@code GET /health/timings}.
 * Also records the CPU time the handling thread spent until the web app returned (Vaadin handles a UIDL post on
 * that thread; work it hands to other threads is not in it). Costs two {@code nanoTime} and two thread-CPU-time
 * calls (about a microsecond each on Linux) and one small callback object a request. Vaadin's push channel (a WebSocket,
 * {@code ?v-r=push}) is not timed: it lives as long as the page; what the server pushes over it (a card read
 * arriving from the reader thread) is therefore not in these numbers, only the requests the browser makes.
 */
public final class RequestTimingHandler extends Handler.Wrapper {
    public static final String PATH = "/health/timings";

    private final RequestTimings timings;
    private final LongSupplier nanoTime;
    private final LongSupplier threadCpuNanos;

    /**
     * @param nanoTime       the wall clock ({@code System::nanoTime})
     * @param threadCpuNanos the current thread's CPU time ({@code ThreadMXBean::getCurrentThreadCpuTime})
     */
    public RequestTimingHandler(Handler app, RequestTimings timings, LongSupplier nanoTime, LongSupplier threadCpuNanos) {
        super(app);
        this.timings = timings;
        this.nanoTime = nanoTime;
        this.threadCpuNanos = threadCpuNanos;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (PATH.equals(path)) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(timings.json().getBytes(StandardCharsets.US_ASCII)), callback);
            return true;
        }
        String vaadinRequest = vaadinRequestType(request.getHttpURI().getQuery());
        if ("push".equals(vaadinRequest)) {
            timings.pushOpened();
            return super.handle(request, response, callback);
        }
        RequestTimings.Kind kind = kind(request.getMethod(), path, vaadinRequest);
        long start = nanoTime.getAsLong();
        long cpuStart = threadCpuNanos.getAsLong();
        Thread handling = Thread.currentThread();
        AtomicBoolean cpuRecorded = new AtomicBoolean();
        Runnable recordCpu = () -> {
            if (cpuRecorded.compareAndSet(false, true)) {
                timings.recordCpu(kind, TimeUnit.NANOSECONDS.toMicros(threadCpuNanos.getAsLong() - cpuStart));
            }
        };
        // Recorded before the response completes: whoever sees the response also sees its timing.
        Callback timed = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                recorded();
                super.succeeded();
            }

            @Override
            public void failed(Throwable cause) {
                recorded();
                super.failed(cause);
            }

            private void recorded() {
                if (Thread.currentThread() == handling) {
                    recordCpu.run();
                }
                record(kind, start);
            }
        };
        try {
            boolean handled = super.handle(request, response, timed);
            if (!handled) {
                record(kind, start);
            }
            return handled;
        } catch (Exception | Error e) {
            record(kind, start);
            throw e;
        } finally {
            recordCpu.run();
        }
    }

    private void record(RequestTimings.Kind kind, long start) {
        timings.record(kind, TimeUnit.NANOSECONDS.toMicros(nanoTime.getAsLong() - start));
    }

    static RequestTimings.Kind kind(String method, String path, String vaadinRequest) {
        if ("uidl".equals(vaadinRequest)) {
            return RequestTimings.Kind.UIDL;
        }
        boolean file = path.startsWith("/VAADIN/") || path.substring(path.lastIndexOf('/') + 1).contains(".");
        if (vaadinRequest == null && HttpMethod.GET.is(method) && !file) {
            return RequestTimings.Kind.PAGE;
        }
        return RequestTimings.Kind.OTHER;
    }

    /** The value of Vaadin's {@code v-r} query parameter ({@code uidl}, {@code heartbeat}, {@code push}…), or null. */
    static String vaadinRequestType(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("v-r=")) {
                return pair.substring(4);
            }
        }
        return null;
    }
}
