package org.onetrip.kiosk.apply;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * One plain question before the form, for a resident who has applied on this terminal before:
 * "用您上次在本机填写的内容预填？" with two large answers, 是 and 否. Nothing of the earlier submission is shown
 * until they say yes.
 */
public class PrefillQuestion extends Div {
    public PrefillQuestion(Consumer<Boolean> answered) {
        setId("prefill-question");
        addClassName("prefill-question");
        Paragraph question = new Paragraph(getTranslation("prefill.question"));
        question.addClassName("prefill-text");
        Paragraph hint = new Paragraph(getTranslation("prefill.hint"));
        hint.addClassName("prefill-hint");
        Button yes = new Button(getTranslation("prefill.yes"), e -> answered.accept(true));
        yes.setId("prefill-yes");
        yes.addClassName("primary-action");
        Button no = new Button(getTranslation("prefill.no"), e -> answered.accept(false));
        no.setId("prefill-no");
        no.addClassName("secondary-action");
        Div actions = new Div(yes, no);
        actions.addClassName("actions");
        add(question, hint, actions);
    }
}
