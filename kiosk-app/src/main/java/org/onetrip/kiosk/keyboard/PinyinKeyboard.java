package org.onetrip.kiosk.keyboard;

import java.util.List;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Large letter keys in the familiar QWERTY rows, plus 删除, 清空 and 收起, typing into a text field: residents type
 * the pinyin or its initials ({@code ylbx} for 养老保险) and the list below narrows as they type. Each key is at
 * least 60 px square (see the stylesheet's {@code .pinyin-key}). Hidden until the resident taps the field
 * ({@link #showWhenTapped}), so the list of items is not pushed off the screen by keys nobody asked for.
 */
public class PinyinKeyboard extends Div {
    static final List<String> ROWS = List.of("qwertyuiop", "asdfghjkl", "zxcvbnm");
    private final HasValue<?, String> target;

    public PinyinKeyboard(HasValue<?, String> target) {
        this.target = target;
        setId("pinyin-keyboard");
        addClassName("pinyin-keyboard");
        for (String row : ROWS) {
            Div keys = new Div();
            keys.addClassName("pinyin-row");
            row.chars().forEach(c -> keys.add(key(String.valueOf((char) c))));
            if (row.startsWith("z")) {
                keys.add(action("key-backspace", getTranslation("keyboard.backspace"), this::backspace));
                keys.add(action("key-clear", getTranslation("keyboard.clear"), () -> target.setValue("")));
                keys.add(action("key-close", getTranslation("keyboard.close"), () -> setVisible(false)));
            }
            add(keys);
        }
    }

    /**
     * Hides the keyboard until {@code field} (the one it types into) is tapped or focused; 收起 hides it again
     * and the next tap brings it back.
     */
    public void showWhenTapped(TextField field) {
        setVisible(false);
        field.getElement().addEventListener("click", e -> setVisible(true));
        field.addFocusListener(e -> setVisible(true));
    }

    private Button key(String letter) {
        Button key = new Button(letter, e -> type(letter));
        key.setId("key-" + letter);
        key.addClassName("pinyin-key");
        key.getElement().setAttribute("aria-label", letter);
        return key;
    }

    private Button action(String id, String label, Runnable run) {
        Button key = new Button(label, e -> run.run());
        key.setId(id);
        key.addClassName("pinyin-key");
        key.addClassName("pinyin-action");
        return key;
    }

    /** Appends one letter. */
    public void type(String letter) {
        String now = target.getValue() == null ? "" : target.getValue();
        target.setValue(now + letter);
    }

    /** Removes the last letter, if any. */
    public void backspace() {
        String now = target.getValue() == null ? "" : target.getValue();
        if (!now.isEmpty()) {
            target.setValue(now.substring(0, now.length() - 1));
        }
    }
}
