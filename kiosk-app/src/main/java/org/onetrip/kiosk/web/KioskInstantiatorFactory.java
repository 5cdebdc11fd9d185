package org.onetrip.kiosk.web;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletService;

/**
 * Gives Vaadin the {@link KioskInstantiator} for the services that the composition root published in the
 * servlet context; where none were published, Vaadin's default instantiator is used.
 */
public final class KioskInstantiatorFactory implements InstantiatorFactory {
    @Override
    public Instantiator createInstantitor(VaadinService service) {
        if (service instanceof VaadinServletService servletService && servletService.getServlet() != null
                && servletService.getServlet().getServletContext()
                        .getAttribute(KioskServices.ATTRIBUTE) instanceof KioskServices services) {
            return new KioskInstantiator(service, services);
        }
        return null;
    }
}
