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
            add(button(null, getTranslation("demo.insert", card.name(), card.maskedIdNumber()),
                    () -> controls.insertCard(card)));
        }
    }

    /** A button of a demo panel (marked as the demo's, {@code demo-card}) that runs {@code action}; {@code id} may be null. */
    public static Button button(String id, String text, Runnable action) {
        Button b = new Button(text, e -> action.run());
        if (id != null) {
            b.setId(id);
        }
        b.addClassName("demo-card");
        return b;
    }
}
