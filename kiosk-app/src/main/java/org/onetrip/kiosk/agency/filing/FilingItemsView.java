package org.onetrip.kiosk.agency.filing;

import org.onetrip.kiosk.agency.AgencyLayout;
import org.onetrip.kiosk.agency.StaffRole;
import org.onetrip.kiosk.agency.StaffSession;
import org.onetrip.store.catalog.ServiceItem;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/** 选择代办事项: the agent searches the items offered here (characters, pinyin, initials) and picks one. */
@Route(value = "agency/file", layout = AgencyLayout.class)
public class FilingItemsView extends VerticalLayout implements BeforeEnterObserver {
    static final int SHOWN = 30;
    private final FilingService filing;
    private final Div list = new Div();

    public FilingItemsView(FilingService filing) {
        this.filing = filing;
        addClassName("screen");
        addClassName("agency-items");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        if (StaffSession.require(event, StaffRole.AGENT).isEmpty()) {
            return;
        }
        TextField search = new TextField(getTranslation("agency.items.search"));
        search.setId("agency-item-search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> show(e.getValue()));
        list.setId("agency-items");
        list.addClassName("item-list");
        add(new H1(getTranslation("agency.items.title")), search, list);
        show("");
    }

    private void show(String query) {
        list.removeAll();
        for (ServiceItem item : filing.search(query, SHOWN)) {
            Button pick = new Button(item.name(), e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(
                    FilingAuthoriseView.class, item.taskCode())));
            pick.addClassName("item");
            pick.getElement().setAttribute("data-task", item.taskCode());
            if (item.authorisationSlip()) {
                pick.getElement().setAttribute("title", getTranslation("agency.items.slip"));
            }
            list.add(pick);
        }
    }
}
