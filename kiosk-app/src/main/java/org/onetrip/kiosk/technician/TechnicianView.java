package org.onetrip.kiosk.technician;

import org.onetrip.kiosk.coverage.CoverageView;
import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.ui.KioskLayout;
import org.onetrip.provisioning.selftest.Check;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

/**
 * Technician mode: self-test, upload queue, log tail, the coverage report, and the way back to kiosk mode.
 * Without the PIN in this session it sends the visitor to the PIN page.
 */
@Route(value = "technician/panel", layout = KioskLayout.class)
public class TechnicianView extends VerticalLayout implements BeforeEnterObserver {
    static final int LOG_LINES = 60;
    private final TechnicianService technician;
    private final Div checks = new Div();
    private final Div queue = new Div();
    private final Pre log = new Pre();

    public TechnicianView(TechnicianService technician) {
        this.technician = technician;
        addClassName("technician");
        checks.setId("technician-selftest");
        queue.setId("technician-queue");
        log.setId("technician-log");
        log.getStyle().set("max-height", "40vh").set("overflow", "auto").set("font-size", "0.8em");
        Button run = new Button(getTranslation("technician.run-selftest"), e -> refresh());
        run.setId("technician-run-selftest");
        RouterLink coverage = new RouterLink(getTranslation("technician.coverage"), CoverageView.class);
        coverage.setId("technician-coverage");
        Button back = new Button(getTranslation("technician.back-to-kiosk"), e -> {
            TechnicianSession.set(false);
            getUI().ifPresent(ui -> ui.navigate(HomeView.class));
        });
        back.setId("technician-exit");
        add(new H2(getTranslation("technician.panel-title")), back, new H3(getTranslation("technician.selftest")),
                run, checks, new H3(getTranslation("technician.queue")), queue, coverage,
                new H3(getTranslation("technician.log")), log);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!TechnicianSession.active()) {
            event.forwardTo(TechnicianPinView.class);
            return;
        }
        refresh();
    }

    private void refresh() {
        checks.removeAll();
        for (Check c : technician.selfTest()) {
            Div line = new Div();
            line.addClassName("check-" + c.outcome().name().toLowerCase(java.util.Locale.ROOT));
            line.setText(c.outcome() + "  " + c.name() + ": " + c.detail() + (c.fix().isEmpty() ? "" : "  → " + c.fix()));
            checks.add(line);
        }
        var state = technician.queue();
        queue.setText(getTranslation("technician.queue-state", state.pending(), state.quarantined(),
                state.feedbackPending(), state.lastSuccess().map(Object::toString).orElse("—"),
                state.lastError().orElse("—")));
        log.setText(String.join("\n", technician.logTail(LOG_LINES)));
    }
}
