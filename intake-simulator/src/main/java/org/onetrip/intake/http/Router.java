package org.onetrip.intake.http;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps {@code METHOD path} to an {@link Endpoint}: fixed routes by exact raw path, and attachments by the
 * single path segment after {@value #ATTACHMENTS}.
 */
public final class Router {
    public static final String ATTACHMENTS = "/api/v1/attachments/";

    private final Map<String, Endpoint> fixed;
    private final Function<String, Endpoint> attachmentPut;

    /**
     * @param fixed         routes keyed {@code "METHOD /path"}
     * @param attachmentPut the endpoint of {@code PUT /api/v1/attachments/{name}}, given the raw name
     */
    public Router(Map<String, Endpoint> fixed, Function<String, Endpoint> attachmentPut) {
        this.fixed = Map.copyOf(fixed);
        this.attachmentPut = attachmentPut;
    }

    public Optional<Endpoint> route(String method, String path) {
        if (path == null) {
            return Optional.empty();
        }
        if (path.startsWith(ATTACHMENTS)) {
            String name = path.substring(ATTACHMENTS.length());
            boolean oneSegment = !name.isEmpty() && name.indexOf('/') < 0;
            return "PUT".equals(method) && oneSegment ? Optional.of(attachmentPut.apply(name)) : Optional.empty();
        }
        return Optional.ofNullable(fixed.get(method + " " + path));
    }
}
