package org.onetrip.kiosk.status;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.receipt.ReceiptService;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.ui.KioskLayout;
import org.onetrip.store.submission.SealedSubmission;
import org.onetrip.store.submission.SubmissionStore;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/**
 * The resident's submissions on this terminal with the platform's latest word on each, updated live; each can
 * have its receipt printed again (补打).
 */
@Route(value = "status", layout = KioskLayout.class)
public class StatusView extends VerticalLayout implements BeforeEnterObserver, org.onetrip.kiosk.voice.Spoken {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SubmissionStore store;
    private final ReceiptService receipts;
    private final ZoneId zone;
    private final Div list = new Div();
    private IdentityCard card;
    private Consumer<SealedSubmission> listener;

    public StatusView(SubmissionStore store, ReceiptService receipts, ZoneId zone) {
        this.store = store;
        this.receipts = receipts;
        this.zone = zone;
        addClassName("screen");
        list.addClassName("status-list");
        list.setId("status-list");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var resident = ResidentSession.current().card();
        if (resident.isEmpty()) {
            event.forwardTo(HomeView.class);
            return;
        }
        card = resident.get();
        ResidentSession.current().finish();
        removeAll();
        Button done = new Button(getTranslation("receipt.done"), e -> e.getSource().getUI().ifPresent(ResidentSession::end));
        done.setId("done");
        done.addClassName("primary-action");
        add(new H1(getTranslation("status.title", card.maskedName())), list, done);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        listener = changed -> ui.access(this::refresh);
        store.addListener(listener);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        store.removeListener(listener);
    }

    private void refresh() {
        if (card == null) {
            return;
        }
        list.removeAll();
        var mine = store.findByApplicant(card.idNumber());
        if (mine.isEmpty()) {
            list.add(new Paragraph(getTranslation("status.none")));
        }
        mine.forEach(s -> list.add(row(s)));
    }

    private Div row(SealedSubmission s) {
        Span name = new Span(s.itemName());
        name.addClassName("item-name");
        Span status = new Span(getTranslation("status." + s.status().name()));
        status.addClassName("status-badge");
        status.addClassName("status-" + s.status().name().toLowerCase());
        Span when = new Span(getTranslation("status.sealed-at", TIME.format(s.sealedAt().atZone(zone))));
        Span number = new Span(s.projectNo().map(n -> getTranslation("status.project-no", n))
                .orElse(getTranslation("status.waiting-sync")));
        Div row = new Div(name, status, when, number);
        s.statusNote().ifPresent(note -> {
            Span n = new Span(note);
            n.addClassName("status-note");
            row.add(n);
        });
        row.add(new ReprintButton(receipts, s.id()));
        row.addClassName("status-row");
        row.getElement().setAttribute("data-submission", s.id().toString());
        return row;
    }

    /** Spoken aloud in a public hall: never the resident's name, not even masked. */
    @Override
    public String voicePrompt() {
        return getTranslation("voice.status");
    }
}
