package org.onetrip.kiosk.apply;

import org.onetrip.store.catalog.Material;
import org.onetrip.store.catalog.ServiceItem;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;

/** The item's materials on the form, each with what the resident does about it: bring it, or why it is waived. */
final class MaterialsList extends Div {
    MaterialsList(ServiceItem item) {
        add(new H2(getTranslation("form.materials")));
        addClassName("materials");
        for (Material m : item.materials()) {
            Span name = new Span(m.name());
            Span how = new Span(getTranslation("waiver." + (m.mustBeBrought() ? "BRING" : m.waiver().name())));
            how.addClassName(m.mustBeBrought() ? "bring" : "waived");
            Div row = new Div(name, how);
            row.addClassName("material");
            add(row);
        }
    }
}
