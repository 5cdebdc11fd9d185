package org.onetrip.kiosk.apply;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.store.catalog.FormField;

import com.vaadin.flow.component.textfield.TextField;

/** The text field of one form field, prefilled: the ID number masked and read-only, the card's name read-only. */
final class FieldInput {
    private FieldInput() {
    }

    /** Whether the field shows the card's ID number (masked): it is never an input the form reads back. */
    static boolean isIdNumber(FormField f) {
        return "card.idNumber".equals(f.prefill());
    }

    static TextField of(FormField f, String value, IdentityCard card) {
        TextField input = new TextField(f.label());
        input.setId("field-" + f.key());
        input.setRequiredIndicatorVisible(f.required());
        if (isIdNumber(f)) {
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
        return input;
    }
}
