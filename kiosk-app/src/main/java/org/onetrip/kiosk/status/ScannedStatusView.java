package org.onetrip.kiosk.status;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.receipt.ReceiptService;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.ui.KioskLayout;
import org.onetrip.store.submission.SealedSubmission;
import org.onetrip.store.token.ReceiptToken;

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
 * 回执查验: what a scanned receipt QR code says, once verified — the item, the masked applicant, the numbers,
 * and the status (live if the submission was filed here, as printed otherwise). A refused code says why in
 * plain words and where to ask.
 */
@Route(value = "status/scanned", layout = KioskLayout.class)
public class ScannedStatusView extends VerticalLayout implements BeforeEnterObserver {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReceiptLookup lookup;
    private final ReceiptService receipts;
    private final ZoneId zone;

    public ScannedStatusView(ReceiptLookup lookup, ReceiptService receipts, ZoneId zone) {
        this.lookup = lookup;
        this.receipts = receipts;
        this.zone = zone;
        addClassName("screen");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<ReceiptLookup.Result> result = ReceiptLookup.current();
        if (result.isEmpty()) {
            event.forwardTo(HomeView.class);
            return;
        }
        removeAll();
        add(new H1(getTranslation("status.scan.title")));
        switch (result.get()) {
            case ReceiptLookup.Found found -> found(found);
            case ReceiptLookup.Refused refused -> {
                Paragraph why = new Paragraph(getTranslation("status.scan.refused." + refused.reason().name()));
                why.setId("scan-refused");
                why.addClassName("problem");
                add(why);
            }
        }
        Button home = new Button(getTranslation("receipt.done"), e -> e.getSource().getUI()
                .ifPresent(ResidentSession::end));
        home.setId("done");
        home.addClassName("primary-action");
        add(home);
    }

    private void found(ReceiptLookup.Found found) {
        ReceiptToken token = found.token();
        Optional<SealedSubmission> local = lookup.refresh(token);
        Paragraph genuine = new Paragraph(getTranslation("status.scan.genuine", token.terminalId()));
        genuine.setId("scan-genuine");
        genuine.addClassName("success");
        String status = local.map(s -> s.status().name()).orElse(token.status());
        Span badge = new Span(getTranslation("status." + status));
        badge.setId("scan-status");
        badge.addClassNames("status-badge", "status-" + status.toLowerCase());
        Div details = new Div(
                row("status.scan.item", found.itemName().orElse(token.taskCode())),
                row("status.scan.applicant", token.applicantMask()),
                row("status.scan.local-id", token.submissionId().toString()),
                row("status.scan.project-no", local.flatMap(SealedSubmission::projectNo).or(token::projectNo)
                        .orElse(getTranslation("status.waiting-sync"))),
                row("status.scan.issued-at", TIME.format(token.issuedAt().atZone(zone))));
        details.setId("scan-details");
        details.addClassName("status-row");
        add(genuine, badge, details);
        if (local.isPresent()) {
            local.get().statusNote().ifPresent(note -> add(new Paragraph(note)));
            add(new ReprintButton(receipts, token.submissionId()));
        } else {
            Paragraph elsewhere = new Paragraph(getTranslation("status.scan.elsewhere"));
            elsewhere.setId("scan-elsewhere");
            add(elsewhere);
        }
    }

    private Div row(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("scan-label");
        Span text = new Span(value);
        text.addClassName("scan-value");
        return new Div(label, text);
    }
}
