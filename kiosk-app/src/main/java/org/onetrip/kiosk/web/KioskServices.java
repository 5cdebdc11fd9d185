package org.onetrip.kiosk.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The services the composition root hands to the UI, by type. Views name what they need in their constructor;
 * the {@link KioskInstantiator} finds it here. Filled once at start, read-only afterwards.
 */
public final class KioskServices {
    /** The servlet-context attribute under which the web server publishes the services. */
    public static final String ATTRIBUTE = KioskServices.class.getName();

    private final Map<Class<?>, Object> services = new LinkedHashMap<>();

    public <T> KioskServices register(Class<T> type, T service) {
        if (services.putIfAbsent(type, type.cast(service)) != null) {
            throw new IllegalStateException("service registered twice: " + type.getName());
        }
        return this;
    }

    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    public <T> T get(Class<T> type) {
        return find(type).orElseThrow(() -> new IllegalStateException("no service of type " + type.getName()));
    }

    boolean has(Class<?> type) {
        return services.containsKey(type);
    }
}
