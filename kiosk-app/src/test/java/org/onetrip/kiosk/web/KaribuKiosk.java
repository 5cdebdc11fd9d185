package org.onetrip.kiosk.web;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinServlet;
import com.vaadin.flow.component.UI;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;

/**
 * Browserless view tests: a mocked Vaadin session whose views get their services from {@code services}, exactly
 * as the web server publishes them. The routes are discovered once per test JVM (a class-path scan takes seconds).
 */
public final class KaribuKiosk {
    private static Routes routes;

    private KaribuKiosk() {
    }

    /** Sets up a fresh mocked UI; pair with {@link MockVaadin#tearDown()} after each test. */
    public static void setUp(KioskServices services) {
        MockVaadin.setup(UI::new, new MockVaadinServlet(routes()) {
            @Override
            public void init(ServletConfig config) throws ServletException {
                config.getServletContext().setAttribute(KioskServices.ATTRIBUTE, services);
                super.init(config);
            }
        });
    }

    private static synchronized Routes routes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("org.onetrip.kiosk");
        }
        return routes;
    }
}
