package org.onetrip.kiosk.apply;

import java.util.Map;
import java.util.function.Supplier;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.kiosk.keyboard.NumericKeypad;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.store.catalog.Delivery;
import org.onetrip.store.catalog.ServiceItem;
import org.onetrip.store.region.Division;
import org.onetrip.store.submission.DeliveryDetails;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The form's delivery step: 快递 with the card's address, changed only by pick-lists and keypads; or the place
 * to collect the result. Every choice marks the resident's session, so the privacy timeout wipes it.
 */
public class DeliveryStep extends Div {
    private final DeliveryService service;
    private final ServiceItem item;
    private final Supplier<String> formPhone;
    private final RadioButtonGroup<String> method = new RadioButtonGroup<>();
    private final Paragraph place = new Paragraph();
    private final Div express = new Div();
    private final Select<Division> township = new Select<>();
    private final Select<Division> village = new Select<>();
    private final Checkbox keepStreet = new Checkbox();
    private final TextField house = new TextField();
    private final TextField phone = new TextField();
    private final Paragraph preview = new Paragraph();
    private final String cardStreet;
    private final Division cardVillage;
    private DeliveryService.Address address;

    public DeliveryStep(DeliveryService service, ServiceItem item, IdentityCard card, Supplier<String> formPhone) {
        this.service = service;
        this.item = item;
        this.formPhone = formPhone;
        this.address = service.fromCard(card);
        this.cardStreet = address.street();
        this.cardVillage = address.village();
        setId("delivery");
        addClassName("delivery-step");
        method.setId("delivery-method");
        method.addClassName("delivery");
        method.setLabel(getTranslation("form.delivery"));
        var offered = item.deliveries().stream().map(Enum::name).toList();
        method.setItems(offered);
        method.setItemLabelGenerator(d -> getTranslation("delivery." + d));
        method.setValue(offered.getFirst());
        place.setId("delivery-place");
        place.addClassName("delivery-place");
        add(method, place, expressEditor());
        method.addValueChangeListener(e -> changed());
        show();
    }

    private Div expressEditor() {
        township.setId("delivery-township");
        township.setLabel(getTranslation("delivery.township"));
        township.setItems(service.townships());
        township.setItemLabelGenerator(DeliveryService::shortName);
        township.setValue(address.township());
        village.setId("delivery-village");
        village.setLabel(getTranslation("delivery.village"));
        village.setItems(service.villages(address.township()));
        village.setItemLabelGenerator(DeliveryService::shortName);
        village.setValue(address.village());
        township.addValueChangeListener(e -> {
            address = address.withTownship(e.getValue());
            village.setItems(service.villages(e.getValue()));
            changed();
        });
        village.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                address = address.withVillage(e.getValue());
            }
            changed();
        });
        keepStreet.setId("delivery-street");
        keepStreet.setLabel(getTranslation("delivery.keep-street", cardStreet));
        keepStreet.setValue(!cardStreet.isEmpty());
        keepStreet.setVisible(!cardStreet.isEmpty());
        keepStreet.addValueChangeListener(e -> changed());
        house.setId("delivery-house");
        house.setLabel(getTranslation("delivery.house"));
        house.setSuffixComponent(new Span(getTranslation("delivery.house.suffix")));
        house.setValue(address.houseNumber());
        house.addValueChangeListener(e -> changed());
        phone.setId("delivery-phone");
        phone.setLabel(getTranslation("delivery.phone"));
        phone.setValue(formPhone.get());
        phone.addValueChangeListener(e -> changed());
        NumericKeypad houseKeys = new NumericKeypad(house, "house-keypad", 5);
        NumericKeypad phoneKeys = new NumericKeypad(phone, "phone-keypad", 11);
        NumericKeypad.together(houseKeys, phoneKeys);
        preview.setId("delivery-address");
        preview.addClassName("delivery-address");
        express.setId("delivery-express");
        express.addClassName("delivery-express");
        express.add(new H2(getTranslation("delivery.express.title")), township, village, keepStreet, house, houseKeys,
                phone, phoneKeys, preview);
        return express;
    }

    private void changed() {
        ResidentSession.current().touch();
        show();
    }

    private void show() {
        boolean isExpress = Delivery.EXPRESS.name().equals(method.getValue());
        express.setVisible(isExpress);
        if (isExpress && phone.getValue().isEmpty()) {
            phone.setValue(formPhone.get());
        }
        String where = service.pickupPlace(item, method.getValue());
        place.setVisible(!where.isEmpty());
        place.setText(getTranslation("delivery.place", where));
        preview.setText(getTranslation("delivery.address", current().text()));
    }

    /** The address as chosen now; the card's road or group is kept only in the card's village, if wanted. */
    private DeliveryService.Address current() {
        boolean cardsVillage = !cardStreet.isEmpty() && cardVillage != null && cardVillage.equals(address.village());
        keepStreet.setVisible(cardsVillage);
        return address.withStreet(cardsVillage && keepStreet.getValue() ? cardStreet : "")
                .withHouseNumber(house.getValue());
    }

    public String method() {
        return method.getValue();
    }

    /** The phone the courier calls: the one typed here, else the form's. */
    private String phoneNumber() {
        return phone.getValue().isEmpty() ? formPhone.get() : phone.getValue();
    }

    /** Marks what a courier could not use; true when the step is complete. */
    public boolean check() {
        if (!Delivery.EXPRESS.name().equals(method.getValue())) {
            return true;
        }
        Map<String, String> problems = service.check(current(), phoneNumber());
        village.setInvalid(problems.containsKey("village"));
        village.setErrorMessage(problems.containsKey("village") ? getTranslation(problems.get("village")) : null);
        house.setInvalid(problems.containsKey("house"));
        house.setErrorMessage(problems.containsKey("house") ? getTranslation(problems.get("house")) : null);
        phone.setInvalid(problems.containsKey("phone"));
        phone.setErrorMessage(problems.containsKey("phone") ? getTranslation(problems.get("phone")) : null);
        return problems.isEmpty();
    }

    /** What is sealed with the submission. */
    public DeliveryDetails details() {
        return service.details(item, method.getValue(), current(), phoneNumber());
    }

    /** One line for the review: the method and, for express, the address and phone. */
    public String summary() {
        DeliveryDetails d = details();
        String how = getTranslation("delivery." + method.getValue());
        return Delivery.EXPRESS.name().equals(method.getValue())
                ? getTranslation("delivery.summary.express", d.address(), d.phone())
                : d.place().isEmpty() ? how : getTranslation("delivery.summary.pickup", how, d.place());
    }
}
