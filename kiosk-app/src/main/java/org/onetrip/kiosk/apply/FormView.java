package org.onetrip.kiosk.apply;

import java.util.LinkedHashMap;
import java.util.Map;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.receipt.ReceiptView;
import org.onetrip.kiosk.session.IdleGuard;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.ui.KioskLayout;
import org.onetrip.kiosk.ui.OneAtATime;
import org.onetrip.store.catalog.FormField;
import org.onetrip.store.catalog.Material;
import org.onetrip.store.catalog.ServiceItem;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

/** The one-table form of an item, prefilled from the card; the materials and what is waived; submit. */
@Route(value = "apply", layout = KioskLayout.class)
public class FormView extends VerticalLayout implements HasUrlParameter<String> {
    private final ApplyService apply;
    private final Map<String, HasValue<?, String>> inputs = new LinkedHashMap<>();
    private final RadioButtonGroup<String> delivery = new RadioButtonGroup<>();
    private ServiceItem item;
    private IdentityCard card;
    private OneAtATime stepper;

    public FormView(ApplyService apply) {
        this.apply = apply;
        addClassName("screen");
    }

    @Override
    public void setParameter(BeforeEvent event, String taskCode) {
        var resident = ResidentSession.current().card();
        var found = apply.item(taskCode);
        if (resident.isEmpty() || found.isEmpty()) {
            event.forwardTo(HomeView.class);
            return;
        }
        card = resident.get();
        item = found.get();
        removeAll();
        inputs.clear();
        Map<String, String> values = apply.prefill(item, card);
        Div form = new Div();
        form.addClassName("form");
        item.fields().forEach(f -> form.add(field(f, values.get(f.key()))));
        stepper = OneAtATime.inElderMode(form);
        delivery.setLabel(getTranslation("form.delivery"));
        var offered = item.deliveries().stream().map(Enum::name).toList();
        delivery.setItems(offered);
        delivery.setItemLabelGenerator(d -> getTranslation("delivery." + d));
        delivery.setValue(offered.getFirst());
        delivery.addClassName("delivery");
        Button submit = new Button(getTranslation("form.submit"), e -> submit());
        submit.setId("submit");
        submit.addClassName("primary-action");
        add(new H1(item.name()), form, materials(), delivery, submit);
    }

    private Component field(FormField f, String value) {
        TextField input = new TextField(f.label());
        input.setId("field-" + f.key());
        input.setRequiredIndicatorVisible(f.required());
        if ("card.idNumber".equals(f.prefill())) {
            input.setValue(card.maskedIdNumber());
            input.setReadOnly(true);
            return input;
        }
        input.setValue(value == null ? "" : value);
        input.setReadOnly("card.name".equals(f.prefill()));
        if ("digits".equals(f.input())) {
            input.getElement().setAttribute("inputmode", "numeric");
            input.setAllowedCharPattern("[0-9]");
        }
        inputs.put(f.key(), input);
        return input;
    }

    private Component materials() {
        Div box = new Div(new H2(getTranslation("form.materials")));
        box.addClassName("materials");
        for (Material m : item.materials()) {
            Span name = new Span(m.name());
            Span how = new Span(getTranslation("waiver." + (m.mustBeBrought() ? "BRING" : m.waiver().name())));
            how.addClassName(m.mustBeBrought() ? "bring" : "waived");
            Div row = new Div(name, how);
            row.addClassName("material");
            box.add(row);
        }
        return box;
    }

    private void submit() {
        Map<String, String> values = apply.prefill(item, card);
        inputs.forEach((key, input) -> values.put(key, input.getValue().strip()));
        Map<String, String> problems = apply.check(item, values);
        inputs.forEach((key, input) -> {
            if (input instanceof TextField tf) {
                tf.setInvalid(problems.containsKey(key));
                tf.setErrorMessage(problems.containsKey(key) ? getTranslation(problems.get(key)) : null);
            }
        });
        if (!problems.isEmpty()) {
            OneAtATime.showFirstInvalid(stepper);
            return;
        }
        ApplyService.Submitted done;
        try (var busy = IdleGuard.busy(UI.getCurrent())) {
            done = apply.submit(card, item, values, delivery.getValue());
        }
        ResidentSession.current().receiptPrinted(done.sealed().id(), done.receipt().escPos(),
                done.receipt().problem().orElse(null));
        getUI().ifPresent(ui -> ui.navigate(ReceiptView.class, done.sealed().id().toString()));
    }
}
