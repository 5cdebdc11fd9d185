package org.onetrip.kiosk.agency;

import org.onetrip.kiosk.agency.courier.CourierView;
import org.onetrip.kiosk.agency.filing.FilingItemsView;
import org.onetrip.kiosk.agency.ledger.LedgerView;
import org.onetrip.kiosk.agency.queue.QueueView;
import org.onetrip.kiosk.agency.stats.StatsView;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/**
 * 代办首页: what a signed-in staff member can do here — file for a resident, the point's ledger, statistics
 * (supervisors), the upload queue and the USB courier. Renders nothing without a staff member.
 */
@Route(value = "agency", layout = AgencyLayout.class)
public class AgencyHomeView extends VerticalLayout implements BeforeEnterObserver {
    public AgencyHomeView() {
        addClassName("screen");
        addClassName("agency-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        StaffSession.require(event, StaffRole.AGENT).ifPresent(this::render);
    }

    private void render(StaffSession staff) {
        Div actions = new Div(tile("agency-file", "agency.file", FilingItemsView.class),
                tile("agency-ledger", "agency.menu.ledger", LedgerView.class));
        if (staff.role().covers(StaffRole.SUPERVISOR)) {
            actions.add(tile("agency-stats", "agency.menu.stats", StatsView.class));
        }
        actions.add(tile("agency-queue", "agency.menu.queue", QueueView.class),
                tile("agency-courier", "agency.menu.courier", CourierView.class));
        actions.addClassName("tiles");
        add(new H1(getTranslation("agency.home.title")),
                new Paragraph(getTranslation("agency.home.hello", staff.name())), actions);
    }

    private Button tile(String id, String key, Class<? extends Component> view) {
        Button tile = new Button(getTranslation(key), e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(view)));
        tile.setId(id);
        tile.addClassName("tile");
        return tile;
    }
}
