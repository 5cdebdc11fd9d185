package org.onetrip.kiosk.panel;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/**
 * 求助: what to do when stuck, in plain words — ask the staff here, or call 12345 — and that nothing already
 * submitted is lost. Opened by the panel's help button over whatever screen is showing; closing it returns there.
 */
public class HelpDialog extends Div {
    private final Paragraph saved = new Paragraph();

    public HelpDialog() {
        setId("help-dialog");
        addClassName("idle-overlay");
        addClassName("help-overlay");
        getElement().setAttribute("role", "dialog");
        getElement().setAttribute("aria-modal", "true");
        getElement().setAttribute("aria-labelledby", "help-title");
        H2 title = new H2(getTranslation("help.title"));
        title.setId("help-title");
        Paragraph staff = new Paragraph(getTranslation("help.staff"));
        Paragraph hotline = new Paragraph(getTranslation("help.hotline"));
        hotline.addClassName("help-hotline");
        saved.setText(getTranslation("help.saved"));
        Button close = new Button(getTranslation("help.close"), e -> close());
        close.setId("help-close");
        close.addClassName("idle-continue");
        Div box = new Div(title, staff, hotline, saved, close);
        box.addClassName("idle-box");
        box.addClassName("help-box");
        add(box);
        setVisible(false);
    }

    public void open() {
        setVisible(true);
    }

    public void close() {
        setVisible(false);
    }

    public boolean isOpen() {
        return isVisible();
    }

    /** The sentence spoken when the dialog opens. */
    public String voicePrompt() {
        return getTranslation("help.title") + "，" + getTranslation("help.hotline");
    }
}
