package org.onetrip.kiosk.complaint;

import java.util.Optional;

import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.ui.KioskLayout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;

/**
 * 咨询投诉, one question per screen: consultation or complaint, then what about; the record is queued for the
 * platform and the screen shows the 12345 hotline. No card is needed and nothing is typed.
 */
@Route(value = "complaint", layout = KioskLayout.class)
public class ComplaintView extends VerticalLayout {
    private final ComplaintService complaints;

    public ComplaintView(ComplaintService complaints) {
        this.complaints = complaints;
        addClassName("screen");
        setAlignItems(Alignment.CENTER);
        chooseKind();
    }

    private void chooseKind() {
        removeAll();
        Div choices = new Div();
        choices.addClassName("choice-list");
        for (ComplaintService.Kind kind : ComplaintService.Kind.values()) {
            Button b = new Button(getTranslation("complaint.kind." + kind.name()), e -> chooseTopic(kind));
            b.setId("kind-" + kind.name().toLowerCase());
            b.addClassName("choice");
            choices.add(b);
        }
        add(new H1(getTranslation("complaint.title")), choices, hotline());
    }

    private void chooseTopic(ComplaintService.Kind kind) {
        removeAll();
        Div choices = new Div();
        choices.addClassName("choice-list");
        for (ComplaintService.Topic topic : kind.topics()) {
            Button b = new Button(getTranslation("complaint.topic." + topic.name()), e -> file(kind, topic));
            b.setId("topic-" + topic.name().toLowerCase());
            b.addClassName("choice");
            choices.add(b);
        }
        add(new H1(getTranslation("complaint.question." + kind.name())), choices, hotline());
    }

    private void file(ComplaintService.Kind kind, ComplaintService.Topic topic) {
        complaints.file(kind, topic, Optional.empty());
        removeAll();
        Paragraph sent = new Paragraph(getTranslation("complaint.sent." + kind.name()));
        sent.setId("complaint-sent");
        sent.addClassName("done-message");
        Button done = new Button(getTranslation("receipt.done"), e -> e.getSource().getUI().ifPresent(ResidentSession::end));
        done.setId("done");
        done.addClassName("primary-action");
        add(new H1(getTranslation("complaint.title")), sent, hotline(), done);
    }

    private Div hotline() {
        Div hotline = new Div();
        hotline.setText(getTranslation("complaint.hotline"));
        hotline.setId("hotline");
        hotline.addClassName("hotline");
        return hotline;
    }
}
