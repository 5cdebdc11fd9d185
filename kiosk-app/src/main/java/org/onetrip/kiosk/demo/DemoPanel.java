package org.onetrip.kiosk.demo;

import org.onetrip.hardware.idcard.IdentityCard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A panel marked 演示 that puts one of the demo residents' cards on the simulated reader. */
public class DemoPanel extends Div {
    public DemoPanel(DemoControls controls) {
        addClassName("demo-panel");
        setId("demo-panel");
        Span label = new Span(getTranslation("demo.panel"));
        label.addClassName("demo-label");
        add(label);
        for (IdentityCard card : controls.cards()) {
            Button insert = new Button(getTranslation("demo.insert", card.name(), card.maskedIdNumber()),
                    e -> controls.insertCard(card));
            insert.addClassName("demo-card");
            add(insert);
        }
    }
}
