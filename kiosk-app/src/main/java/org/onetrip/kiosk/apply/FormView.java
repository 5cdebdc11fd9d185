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
import org.onetrip.store.catalog.ServiceItem;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

/**
 * The one-table form of an item, prefilled from the card and, if the resident agrees, from their last submission
 * on this terminal; the materials and what is waived; how the result reaches them; review; submit.
 */
@Route(value = "apply", layout = KioskLayout.class)
public class FormView extends VerticalLayout implements HasUrlParameter<String> {
    private final ApplyService apply;
    private final Map<String, HasValue<?, String>> inputs = new LinkedHashMap<>();
    private final DeliveryService deliveries;
    private DeliveryStep delivery;
    private final Div formPanel = new Div();
    private final Div reviewPanel = new Div();
    private ServiceItem item;
    private IdentityCard card;
    private Map<String, String> checked;
    private OneAtATime stepper;

    public FormView(ApplyService apply, DeliveryService deliveries) {
        this.apply = apply;
        this.deliveries = deliveries;
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
        var earlier = apply.earlierValues(card);
        if (earlier.isPresent() && PrefillConsent.of(card).isEmpty()) {
            removeAll();
            add(new H1(item.name()), new PrefillQuestion(yes -> {
                PrefillConsent.answer(card, yes);
                build(yes ? earlier.get() : Map.of());
            }));
            return;
        }
        build(PrefillConsent.of(card).orElse(false) ? earlier.orElse(Map.of()) : Map.of());
    }

    /** The form, prefilled from the card and from {@code earlier} (the resident's last values, if they agreed). */
    private void build(Map<String, String> earlier) {
        removeAll();
        inputs.clear();
        Map<String, String> values = apply.prefill(item, card, earlier);
        Div form = new Div();
        form.addClassName("form");
        item.fields().forEach(f -> form.add(field(f, values.get(f.key()))));
        stepper = OneAtATime.inElderMode(form);
        delivery = new DeliveryStep(deliveries, item, card,
                () -> inputs.containsKey("phone") ? inputs.get("phone").getValue().strip() : "");
        Button next = new Button(getTranslation("review.next"), e -> review());
        next.setId("to-review");
        next.addClassName("primary-action");
        formPanel.removeAll();
        formPanel.addClassName("form-panel");
        formPanel.add(form, new MaterialsList(item), delivery, next);
        formPanel.setVisible(true);
        reviewPanel.removeAll();
        reviewPanel.setVisible(false);
        reviewPanel.setId("review");
        reviewPanel.addClassName("review");
        add(new H1(item.name()), formPanel, reviewPanel);
    }

    private Component field(FormField f, String value) {
        TextField input = FieldInput.of(f, value, card);
        if (!FieldInput.isIdNumber(f)) {
            inputs.put(f.key(), input);
        }
        return input;
    }

    /** Checks the form and, when it is complete, shows everything once more with 确认提交 and 返回修改. */
    private void review() {
        Map<String, String> values = apply.prefill(item, card);
        inputs.forEach((key, input) -> values.put(key, input.getValue().strip()));
        Map<String, String> problems = apply.check(item, values);
        inputs.forEach((key, input) -> {
            if (input instanceof TextField tf) {
                tf.setInvalid(problems.containsKey(key));
                tf.setErrorMessage(problems.containsKey(key) ? getTranslation(problems.get(key)) : null);
            }
        });
        boolean deliverable = delivery.check();
        if (!problems.isEmpty() || !deliverable) {
            OneAtATime.showFirstInvalid(stepper);
            return;
        }
        checked = values;
        reviewPanel.removeAll();
        reviewPanel.add(new H2(getTranslation("review.title")));
        Div facts = new ReviewFacts(item, card, values, delivery.summary());
        Button edit = new Button(getTranslation("review.edit"), e -> {
            reviewPanel.setVisible(false);
            formPanel.setVisible(true);
        });
        edit.setId("edit");
        Button submit = new Button(getTranslation("form.submit"), e -> submit());
        submit.setId("submit");
        submit.addClassName("primary-action");
        submit.setDisableOnClick(true);
        Div actions = new Div(edit, submit);
        actions.addClassName("actions");
        reviewPanel.add(facts, actions);
        formPanel.setVisible(false);
        reviewPanel.setVisible(true);
    }

    private void submit() {
        Map<String, String> values = checked;
        if (values == null) {
            return;
        }
        ApplyService.Submitted done;
        try (var busy = IdleGuard.busy(UI.getCurrent())) {
            done = apply.submit(card, item, values, delivery.method(), delivery.details(),
                    org.onetrip.kiosk.materials.MaterialChoices.current().provided(item.taskCode()));
        }
        ResidentSession.current().receiptPrinted(done.sealed().id(), done.receipt().escPos(),
                done.receipt().problem().orElse(null));
        getUI().ifPresent(ui -> ui.navigate(ReceiptView.class, done.sealed().id().toString()));
    }
}
