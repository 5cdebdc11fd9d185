package org.onetrip.kiosk.agency;

import org.onetrip.kiosk.agency.courier.CourierView;
import org.onetrip.kiosk.agency.ledger.LedgerView;
import org.onetrip.kiosk.agency.queue.QueueView;
import org.onetrip.kiosk.agency.stats.StatsView;
import org.onetrip.kiosk.ui.KioskLayout;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

/** The agency menu (代办台): the point's ledger, statistics (supervisors), sync queue and USB courier. */
@Route(value = "agency", layout = KioskLayout.class)
public class AgencyHomeView extends VerticalLayout implements BeforeEnterObserver {
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        StaffSession.require(event, StaffRole.AGENT).ifPresent(this::render);
    }

    private void render(StaffSession staff) {
        addClassName("screen");
        addClassName("agency");
        add(new H1(getTranslation("agency.title")),
                new Paragraph(getTranslation("agency.signed-in", staff.name(), staff.staffId())));
        link("agency-ledger", "agency.menu.ledger", LedgerView.class);
        if (staff.role().covers(StaffRole.SUPERVISOR)) {
            link("agency-stats", "agency.menu.stats", StatsView.class);
        }
        link("agency-queue", "agency.menu.queue", QueueView.class);
        link("agency-courier", "agency.menu.courier", CourierView.class);
    }

    private void link(String id, String key, Class<? extends com.vaadin.flow.component.Component> view) {
        RouterLink link = new RouterLink(getTranslation(key), view);
        link.setId(id);
        link.addClassName("agency-link");
        add(link);
    }
}
