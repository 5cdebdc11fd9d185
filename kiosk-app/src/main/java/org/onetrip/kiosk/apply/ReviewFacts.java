package org.onetrip.kiosk.apply;

import java.util.Map;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.store.catalog.FormField;
import org.onetrip.store.catalog.Material;
import org.onetrip.store.catalog.ServiceItem;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * Everything the resident is about to submit, once more before 确认提交: each field (the ID number masked), how the
 * result reaches them, and how many materials they still have to bring.
 */
final class ReviewFacts extends Div {
    ReviewFacts(ServiceItem item, IdentityCard card, Map<String, String> values, String delivery) {
        addClassName("review-facts");
        for (FormField f : item.fields()) {
            String value = FieldInput.isIdNumber(f) ? card.maskedIdNumber() : values.getOrDefault(f.key(), "");
            add(fact(f.label(), value.isEmpty() ? getTranslation("review.empty") : value));
        }
        add(fact(getTranslation("form.delivery"), delivery));
        long toBring = item.materials().stream().filter(Material::mustBeBrought).count();
        add(fact(getTranslation("form.materials"), toBring == 0 ? getTranslation("review.bring-nothing")
                : getTranslation("review.bring", toBring)));
    }

    private static Div fact(String label, String value) {
        Span l = new Span(label);
        l.addClassName("review-label");
        Span v = new Span(value);
        v.addClassName("review-value");
        Div row = new Div(l, v);
        row.addClassName("review-row");
        return row;
    }
}
