package org.onetrip.kiosk.apply;

import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.ui.KioskLayout;
import org.onetrip.store.catalog.ServiceItem;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/** The items this terminal offers, as large buttons: high-frequency first, nearest level first. */
@Route(value = "items", layout = KioskLayout.class)
public class ItemsView extends VerticalLayout implements BeforeEnterObserver {
    private final ApplyService apply;

    public ItemsView(ApplyService apply) {
        this.apply = apply;
        addClassName("screen");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var card = ResidentSession.current().card();
        if (card.isEmpty()) {
            event.forwardTo(HomeView.class);
            return;
        }
        removeAll();
        Paragraph who = new Paragraph(getTranslation("items.greeting", card.get().maskedName(),
                card.get().maskedIdNumber()));
        who.setId("resident");
        who.addClassName("resident");
        Div list = new Div();
        list.addClassName("item-list");
        apply.offered().forEach(item -> list.add(itemButton(item)));
        add(who, new H1(getTranslation("items.title")), list);
    }

    private Button itemButton(ServiceItem item) {
        Span name = new Span(item.name());
        name.addClassName("item-name");
        String visits = item.visits() == 0 ? getTranslation("items.no-visit")
                : getTranslation("items.visits", item.visits());
        Span facts = new Span(getTranslation("items.facts", item.department(), item.promiseDays(), visits));
        facts.addClassName("item-facts");
        Button b = new Button();
        b.getElement().appendChild(name.getElement(), facts.getElement());
        b.addClassName("item");
        b.getElement().setAttribute("data-task", item.taskCode());
        b.addClickListener(e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(FormView.class, item.taskCode())));
        return b;
    }
}
