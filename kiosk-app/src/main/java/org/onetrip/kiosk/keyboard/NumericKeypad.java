package org.onetrip.kiosk.keyboard;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A large telephone-style keypad (1–9, 删除, 0, 完成) for one number field: a house number, a phone. It stays
 * hidden until the resident taps its field, so the screen is not crowded with keys; 完成 hides it again. The
 * field shows no system keyboard ({@code inputmode=none}) and takes digits only, up to {@code maxDigits}.
 * Keypads of one screen can be {@link #together grouped}, so that opening one closes the others.
 */
public class NumericKeypad extends Div {
    static final List<String> KEYS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");
    private final TextField target;
    private final int maxDigits;
    private List<NumericKeypad> group = List.of();

    public NumericKeypad(TextField target, String id, int maxDigits) {
        this.target = target;
        this.maxDigits = maxDigits;
        setId(id);
        addClassName("numeric-keypad");
        KEYS.forEach(k -> add(key(id, k)));
        add(action(id + "-backspace", getTranslation("keyboard.backspace"), this::backspace));
        add(key(id, "0"));
        add(action(id + "-done", getTranslation("keyboard.done"), this::close));
        target.setAllowedCharPattern("[0-9]");
        target.setMaxLength(maxDigits);
        target.getElement().setAttribute("inputmode", "none");
        target.getElement().addEventListener("click", e -> open());
        target.addFocusListener(e -> open());
        setVisible(false);
    }

    /** Makes opening any of {@code keypads} close the others. */
    public static void together(NumericKeypad... keypads) {
        List<NumericKeypad> all = new ArrayList<>(List.of(keypads));
        all.forEach(k -> k.group = all);
    }

    private Button key(String id, String digit) {
        Button key = new Button(digit, e -> type(digit));
        key.setId(id + "-" + digit);
        key.addClassName("numeric-key");
        return key;
    }

    private Button action(String id, String label, Runnable run) {
        Button key = new Button(label, e -> run.run());
        key.setId(id);
        key.addClassName("numeric-key");
        key.addClassName("numeric-action");
        return key;
    }

    public void open() {
        group.stream().filter(k -> k != this).forEach(NumericKeypad::close);
        setVisible(true);
    }

    public void close() {
        setVisible(false);
    }

    /** Appends one digit, unless the field is full. */
    public void type(String digit) {
        String now = target.getValue() == null ? "" : target.getValue();
        if (now.length() < maxDigits) {
            target.setValue(now + digit);
        }
    }

    /** Removes the last digit, if any. */
    public void backspace() {
        String now = target.getValue() == null ? "" : target.getValue();
        if (!now.isEmpty()) {
            target.setValue(now.substring(0, now.length() - 1));
        }
    }
}
