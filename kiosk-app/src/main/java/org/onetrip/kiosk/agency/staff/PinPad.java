package org.onetrip.kiosk.agency.staff;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * A numeric keypad for a PIN: large keys 1–9, 清除, 0, ⌫ and 确认. The digits stay on the server; the screen shows
 * one dot per digit. No system keyboard is needed, and the layout does not move, so it works on a touch screen.
 */
public class PinPad extends Div {
    static final int MAX_DIGITS = 12;
    private final StringBuilder digits = new StringBuilder();
    private final Span display = new Span();

    public PinPad(Consumer<String> onEnter) {
        addClassName("pin-pad");
        setId("pin-pad");
        display.setId("pin-display");
        display.addClassName("pin-display");
        display.getElement().setAttribute("aria-live", "polite");
        Div keys = new Div();
        keys.addClassName("pin-keys");
        for (String k : new String[] {"1", "2", "3", "4", "5", "6", "7", "8", "9"}) {
            keys.add(key(k));
        }
        Button clear = new Button(getTranslation("agency.pin.clear"), e -> clear());
        clear.setId("pin-clear");
        keys.add(clear, key("0"));
        Button back = new Button("⌫", e -> {
            if (!digits.isEmpty()) {
                digits.setLength(digits.length() - 1);
                show();
            }
        });
        back.setId("pin-back");
        back.getElement().setAttribute("aria-label", getTranslation("agency.pin.back"));
        keys.add(back);
        Button enter = new Button(getTranslation("agency.pin.enter"), e -> {
            String pin = digits.toString();
            clear();
            onEnter.accept(pin);
        });
        enter.setId("pin-enter");
        enter.addClassName("primary-action");
        add(display, keys, enter);
        show();
    }

    private Button key(String digit) {
        Button b = new Button(digit, e -> {
            if (digits.length() < MAX_DIGITS) {
                digits.append(digit);
                show();
            }
        });
        b.setId("pin-key-" + digit);
        b.addClassName("pin-key");
        return b;
    }

    /** Forgets the digits typed so far. */
    public void clear() {
        digits.setLength(0);
        show();
    }

    private void show() {
        display.setText(digits.isEmpty() ? getTranslation("agency.pin.empty") : "●".repeat(digits.length()));
    }
}
