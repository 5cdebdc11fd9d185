package org.onetrip.kiosk.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * One question per screen (长辈模式): of a form's fields only one shows at a time, with large 上一项 / 下一项
 * buttons and "2 / 5" between them. The fields stay in the form, so the form's own submit and checks work as
 * before; {@link #showFirstInvalid()} brings the first field with a problem into view.
 */
public final class OneAtATime {
    private final Div form;
    private final List<Component> steps;
    private final Span count = new Span();
    private final Button previous;
    private final Button next;
    private int current;

    private OneAtATime(Div form) {
        this.form = form;
        this.steps = form.getChildren().toList();
        form.addClassName("one-at-a-time");
        previous = new Button(form.getTranslation("elder.previous"), e -> show(current - 1));
        previous.setId("step-previous");
        next = new Button(form.getTranslation("elder.next"), e -> show(current + 1));
        next.setId("step-next");
        count.setId("step-count");
        count.addClassName("step-count");
        Div nav = new Div(previous, count, next);
        nav.addClassName("step-nav");
        form.add(nav);
        show(0);
    }

    /** Shows {@code form}'s fields one at a time when elder mode is on; leaves it alone otherwise. */
    public static OneAtATime inElderMode(Div form) {
        return ElderMode.isOn() && form.getChildren().count() > 1 ? new OneAtATime(form) : null;
    }

    /** In elder mode, shows the first field with a problem; otherwise nothing to do. */
    public static void showFirstInvalid(OneAtATime stepper) {
        if (stepper != null) {
            stepper.showFirstInvalid();
        }
    }

    void showFirstInvalid() {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof HasValidation v && v.isInvalid()) {
                show(i);
                return;
            }
        }
    }

    private void show(int index) {
        current = Math.max(0, Math.min(steps.size() - 1, index));
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).getElement().getClassList().set("step-hidden", i != current);
        }
        count.setText(form.getTranslation("elder.step", current + 1, steps.size()));
        previous.setEnabled(current > 0);
        next.setEnabled(current < steps.size() - 1);
    }
}
