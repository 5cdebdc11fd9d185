package org.onetrip.kiosk.home;

import org.onetrip.kiosk.identify.IdentifyView;
import org.onetrip.kiosk.ui.KioskLayout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

/** The home screen: a few large tiles, each one errand. */
@Route(value = "", layout = KioskLayout.class)
public class HomeView extends VerticalLayout {
    public HomeView() {
        addClassName("screen");
        setAlignItems(Alignment.CENTER);
        Div tiles = new Div(
                tile("tile-apply", "home.apply", "home.apply.hint", VaadinIcon.USER_CARD,
                        () -> UI.getCurrent().navigate(IdentifyView.class)),
                tile("tile-status", "home.status", "home.status.hint", VaadinIcon.SEARCH,
                        () -> UI.getCurrent().navigate("identify", QueryParameters.of("status", "1"))));
        tiles.addClassName("tiles");
        add(new H1(getTranslation("home.title")), new Paragraph(getTranslation("home.subtitle")), tiles);
    }

    private Component tile(String id, String titleKey, String hintKey, VaadinIcon icon, Runnable action) {
        Icon symbol = icon.create();
        symbol.addClassName("tile-icon");
        Span title = new Span(getTranslation(titleKey));
        title.addClassName("tile-title");
        Span hint = new Span(getTranslation(hintKey));
        hint.addClassName("tile-hint");
        Button tile = new Button();
        tile.getElement().appendChild(symbol.getElement(), title.getElement(), hint.getElement());
        tile.setId(id);
        tile.addClassName("tile");
        tile.addClickListener(e -> action.run());
        return tile;
    }
}
