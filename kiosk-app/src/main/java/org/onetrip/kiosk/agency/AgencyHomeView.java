package org.onetrip.kiosk.agency;

import org.onetrip.kiosk.agency.filing.FilingItemsView;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/** 代办首页: what a signed-in agent can do here. Renders nothing without a staff member. */
@Route(value = "agency", layout = AgencyLayout.class)
public class AgencyHomeView extends VerticalLayout implements BeforeEnterObserver {
    public AgencyHomeView() {
        addClassName("screen");
        addClassName("agency-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        StaffSession.require(event, StaffRole.AGENT).ifPresent(staff -> {
            Button file = new Button(getTranslation("agency.file"), e -> e.getSource().getUI()
                    .ifPresent(ui -> ui.navigate(FilingItemsView.class)));
            file.setId("agency-file");
            file.addClassName("tile");
            Div actions = new Div(file);
            actions.addClassName("tiles");
            add(new H1(getTranslation("agency.home.title")),
                    new Paragraph(getTranslation("agency.home.hello", staff.name())), actions);
        });
    }
}
