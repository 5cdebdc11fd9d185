package org.onetrip.kiosk.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinService;

/**
 * Creates views and components with constructor injection from {@link KioskServices}: the public constructor
 * with the most parameters that are all services (or {@code Optional}s of services) is used. Classes without
 * such a constructor fall back to Vaadin's default instantiation.
 */
public final class KioskInstantiator extends DefaultInstantiator {
    private final KioskServices services;

    public KioskInstantiator(VaadinService service, KioskServices services) {
        super(service);
        this.services = services;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        if (services.has(type)) {
            return services.get(type);
        }
        Optional<Constructor<?>> injectable = Arrays.stream(type.getConstructors())
                .filter(c -> c.getParameterCount() > 0)
                .filter(c -> Arrays.stream(c.getParameters()).allMatch(this::resolvable))
                .max(Comparator.comparingInt(Constructor::getParameterCount));
        if (injectable.isEmpty()) {
            return super.getOrCreate(type);
        }
        Constructor<?> constructor = injectable.get();
        Object[] args = Arrays.stream(constructor.getParameters()).map(this::resolve).toArray();
        try {
            return type.cast(constructor.newInstance(args));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("cannot create " + type.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    private boolean resolvable(Parameter p) {
        return p.getType() == Optional.class || services.has(p.getType());
    }

    private Object resolve(Parameter p) {
        if (p.getType() == Optional.class) {
            var arg = (java.lang.reflect.ParameterizedType) p.getParameterizedType();
            return services.find((Class<?>) arg.getActualTypeArguments()[0]);
        }
        return services.get(p.getType());
    }
}
