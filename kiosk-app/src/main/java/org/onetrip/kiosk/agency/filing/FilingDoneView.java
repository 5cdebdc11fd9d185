package org.onetrip.kiosk.agency.filing;

import java.util.UUID;

import org.onetrip.kiosk.agency.AgencyLayout;
import org.onetrip.kiosk.agency.StaffRole;
import org.onetrip.kiosk.agency.StaffSession;
import org.onetrip.store.submission.SubmissionStore;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

/** 代办已提交: the case is sealed and its receipt printed; where it stands with the platform; the next case. */
@Route(value = "agency/file/done", layout = AgencyLayout.class)
public class FilingDoneView extends VerticalLayout implements HasUrlParameter<String>, BeforeEnterObserver {
    private final SubmissionStore store;
    private UUID id;

    public FilingDoneView(SubmissionStore store) {
        this.store = store;
        addClassName("screen");
        setAlignItems(Alignment.CENTER);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        try {
            id = UUID.fromString(parameter);
        } catch (IllegalArgumentException e) {
            id = null;
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        if (StaffSession.require(event, StaffRole.AGENT).isEmpty()) {
            return;
        }
        var sealed = id == null ? java.util.Optional.<org.onetrip.store.submission.SealedSubmission>empty()
                : store.find(id);
        if (sealed.isEmpty()) {
            event.forwardTo(FilingItemsView.class);
            return;
        }
        var s = sealed.get();
        Paragraph status = new Paragraph(getTranslation("agency.done.status", getTranslation("status." + s.status())));
        status.setId("agency-done-status");
        Button next = new Button(getTranslation("agency.done.next"), e -> e.getSource().getUI()
                .ifPresent(ui -> ui.navigate(FilingItemsView.class)));
        next.setId("agency-next");
        next.addClassName("primary-action");
        add(new H1(getTranslation("agency.done.title")),
                new Paragraph(getTranslation("agency.done.what", s.itemName(), s.applicantMask())),
                new Paragraph(getTranslation("agency.done.receipt", s.id().toString().substring(0, 8))), status, next);
    }
}
