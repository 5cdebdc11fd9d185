package org.onetrip.kiosk.apply;

import org.onetrip.kiosk.guide.GuideView;
import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.keyboard.PinyinKeyboard;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.ui.KioskLayout;
import org.onetrip.store.catalog.CatalogSearch;
import org.onetrip.store.catalog.ServiceItem;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/**
 * The items this terminal offers, as large buttons: high-frequency first, nearest level first; a search field
 * (characters, pinyin, initials, everyday words) and theme chips (life events) to narrow them; a guide for each.
 */
@Route(value = "items", layout = KioskLayout.class)
public class ItemsView extends VerticalLayout implements BeforeEnterObserver {
    static final int SHOWN = 60;

    private final ApplyService apply;
    private final TextField search = new TextField();
    private final Div themes = new Div();
    private final Div list = new Div();
    private final Paragraph found = new Paragraph();
    private final PinyinKeyboard keyboard = new PinyinKeyboard(search);
    private String theme;

    public ItemsView(ApplyService apply) {
        this.apply = apply;
        addClassName("screen");
        search.setId("item-search");
        search.setPlaceholder(getTranslation("items.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(150);
        search.addClassName("item-search");
        search.addValueChangeListener(e -> refresh());
        // The on-screen keyboard types here; no system keyboard pops up over the list on a touch screen.
        search.getElement().setAttribute("inputmode", "none");
        keyboard.showWhenTapped(search);
        themes.addClassName("theme-chips");
        list.addClassName("item-list");
        found.setId("item-count");
        found.addClassName("item-count");
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
        themes.removeAll();
        themes.add(chip(null));
        apply.themes().forEach(t -> themes.add(chip(t)));
        add(who, new H1(getTranslation("items.title")), search, keyboard, themes, found, list);
        refresh();
    }

    private Button chip(String name) {
        Button b = new Button(name == null ? getTranslation("items.theme.all") : name, e -> {
            theme = name;
            refresh();
        });
        b.addClassName("theme-chip");
        b.getElement().setAttribute("data-theme", name == null ? "" : name);
        return b;
    }

    private void refresh() {
        themes.getChildren().forEach(c -> c.getElement().getClassList().set("selected",
                c.getElement().getAttribute("data-theme").equals(theme == null ? "" : theme)));
        CatalogSearch.Result result = apply.search(search.getValue(), theme, SHOWN);
        list.removeAll();
        result.items().forEach(item -> list.add(itemRow(item)));
        found.setText(result.total() == 0 ? getTranslation("items.search.none")
                : getTranslation("items.search.count", result.total()));
    }

    private Div itemRow(ServiceItem item) {
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
        b.addClickListener(e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(org.onetrip.kiosk.materials.MaterialsView.class, item.taskCode())));
        Button guide = new Button(getTranslation("items.guide"), e -> e.getSource().getUI().ifPresent(ui ->
                ui.navigate(GuideView.class, item.taskCode())));
        guide.addClassName("item-guide");
        guide.getElement().setAttribute("data-guide", item.taskCode());
        Div row = new Div(b, guide);
        row.addClassName("item-row");
        return row;
    }
}
