package org.onetrip.kiosk.identify;

import java.util.Optional;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.qr.QrPayload;
import org.onetrip.kiosk.apply.ItemsView;
import org.onetrip.kiosk.demo.DemoControls;
import org.onetrip.kiosk.evaluation.EvaluationView;
import org.onetrip.kiosk.demo.DemoPanel;
import org.onetrip.kiosk.scan.ScanService;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.status.ReceiptLookup;
import org.onetrip.kiosk.status.StatusView;
import org.onetrip.kiosk.ui.KioskLayout;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

/** "请把身份证放在读卡区": waits for a card tap, then goes on to the items (or to the status page). */
@Route(value = "identify", layout = KioskLayout.class)
public class IdentifyView extends VerticalLayout implements BeforeEnterObserver {
    private final CardTapService cards;
    private final ScanService scans;
    private final ReceiptLookup receipts;
    private final Optional<DemoControls> demo;
    private final Paragraph orScan = new Paragraph();
    private ScanService.Subscription scanning;
    private final Paragraph problem = new Paragraph();
    private final Paragraph hint = new Paragraph();
    private final Div cardSlot = new Div();
    private Registration subscription;
    private boolean forStatus;
    private boolean forEvaluation;

    public IdentifyView(CardTapService cards, ScanService scans, ReceiptLookup receipts, Optional<DemoControls> demo) {
        this.cards = cards;
        this.scans = scans;
        this.receipts = receipts;
        this.demo = demo;
        addClassName("screen");
        setAlignItems(Alignment.CENTER);
        cardSlot.addClassName("card-slot");
        cardSlot.setId("identify-card-slot");
        cardSlot.setText(getTranslation("identify.slot"));
        problem.addClassName("problem");
        problem.setId("identify-problem");
        orScan.setId("identify-or-scan");
        orScan.addClassName("scan-hint");
        orScan.setText(getTranslation("identify.or-scan"));
        orScan.setVisible(false);
        hint.setText(getTranslation("identify.hint"));
        add(new H1(getTranslation("identify.title")), hint, cardSlot, orScan, problem);
        demo.ifPresent(controls -> add(new DemoPanel(controls)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        forStatus = parameters.containsKey("status");
        forEvaluation = parameters.getOrDefault("next", java.util.List.of()).contains("evaluate");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        subscription = cards.subscribe(event.getUI(), this::identified, this::showProblem);
        if (!cards.readerWorks()) {
            showProblem("identify.reader-fault");
        }
        if (forStatus) {
            // For the status a receipt's QR code suffices: the resident may show it instead of the card.
            orScan.setVisible(true);
            scanning = scans.subscribe(event.getUI(), this::scanned);
            add(scanning.wedge());
            demo.filter(DemoControls::canScanLastReceipt).ifPresent(controls -> {
                Div panel = new Div(DemoPanel.button("demo-scan-receipt", getTranslation("demo.scan-last-receipt"),
                        controls::scanLastReceipt));
                panel.addClassName("demo-panel");
                add(panel);
            });
        }
    }

    private void scanned(QrPayload payload) {
        if (payload instanceof QrPayload.ReceiptToken token) {
            receipts.open(token.text());
        } else {
            showProblem("home.scan-not-receipt");
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.remove();
        }
        if (scanning != null) {
            scanning.remove();
            scanning = null;
        }
    }

    private void identified(IdentityCard card) {
        ResidentSession.current().identified(card);
        getUI().ifPresent(ui -> {
            if (forEvaluation) {
                ui.navigate(EvaluationView.class);
            } else if (forStatus) {
                ui.navigate(StatusView.class);
            } else {
                ui.navigate(ItemsView.class);
            }
        });
    }

    private void showProblem(String key) {
        problem.setText(key.isEmpty() ? "" : getTranslation(key));
        // a LAN tablet has no reader: no "put the card below" and no reader area pointing at nothing
        boolean noReaderHere = CardTapService.NOT_AT_TERMINAL.equals(key);
        hint.setVisible(!noReaderHere);
        cardSlot.setVisible(!noReaderHere);
    }
}
