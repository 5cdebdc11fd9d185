package org.onetrip.kiosk.home;

import java.util.Optional;

import org.onetrip.hardware.qr.QrPayload;
import org.onetrip.kiosk.agency.staff.StaffLink;
import org.onetrip.kiosk.agency.staff.StaffService;
import org.onetrip.kiosk.complaint.ComplaintView;
import org.onetrip.kiosk.demo.DemoControls;
import org.onetrip.kiosk.demo.DemoPanel;
import org.onetrip.kiosk.identify.IdentifyView;
import org.onetrip.kiosk.scan.ScanService;
import org.onetrip.kiosk.status.ReceiptLookup;
import org.onetrip.kiosk.technician.TechnicianQrScan;
import org.onetrip.kiosk.technician.TechnicianService;
import org.onetrip.kiosk.ticket.TicketView;
import org.onetrip.kiosk.ui.KioskLayout;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

/**
 * The home screen: a few large tiles, each one errand. While it shows, holding a receipt's QR code to the
 * scanner opens that submission's status, and a technician's county-signed QR opens the technician PIN page.
 */
@Route(value = "", layout = KioskLayout.class)
public class HomeView extends VerticalLayout {
    private final ScanService scans;
    private final ReceiptLookup receipts;
    private final Optional<DemoControls> demo;
    private final TechnicianService technician;
    private final Paragraph scanProblem = new Paragraph();
    private final Div demoPanel = new Div();
    private ScanService.Subscription subscription;
    private final StaffService staff;

    public HomeView(ScanService scans, ReceiptLookup receipts, Optional<DemoControls> demo,
                    TechnicianService technician, StaffService staff) {
        this.staff = staff;
        this.scans = scans;
        this.technician = technician;
        this.receipts = receipts;
        this.demo = demo;
        addClassName("screen");
        setAlignItems(Alignment.CENTER);
        Div tiles = new Div(
                tile("tile-apply", "home.apply", "home.apply.hint", VaadinIcon.USER_CARD,
                        () -> UI.getCurrent().navigate(IdentifyView.class)),
                tile("tile-scan", "home.scan", "home.scan.hint", VaadinIcon.QRCODE,
                        () -> UI.getCurrent().navigate(ScanView.class)),
                tile("tile-status", "home.status", "home.status.hint", VaadinIcon.SEARCH,
                        () -> UI.getCurrent().navigate("identify", QueryParameters.of("status", "1"))),
                tile("tile-evaluate", "home.evaluate", "home.evaluate.hint", VaadinIcon.SMILEY_O,
                        () -> UI.getCurrent().navigate("identify", QueryParameters.of("next", "evaluate"))),
                tile("tile-complaint", "home.complaint", "home.complaint.hint", VaadinIcon.HEADSET,
                        () -> UI.getCurrent().navigate(ComplaintView.class)),
                tile("tile-ticket", "home.ticket", "home.ticket.hint", VaadinIcon.TICKET,
                        () -> UI.getCurrent().navigate(TicketView.class)));
        tiles.addClassName("tiles");
        Paragraph scanHint = new Paragraph(getTranslation("home.scan-hint"));
        scanHint.addClassName("scan-hint");
        scanProblem.setId("scan-problem");
        scanProblem.addClassName("problem");
        add(new H1(getTranslation("home.title")), new Paragraph(getTranslation("home.subtitle")), tiles, scanHint,
                scanProblem);
        StaffLink.forHome(staff).ifPresent(this::add); // 工作人员, at village points and township halls only
    }

    @Override
    protected void onAttach(AttachEvent event) {
        staff.signOutAtResidentHome(); // the home screen is the residents': no staff session stays open here
        subscription = scans.subscribe(event.getUI(), this::scanned);
        add(subscription.wedge());
        demo.filter(DemoControls::canScanLastReceipt).ifPresent(this::showDemoScan);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.remove();
        }
    }

    private void scanned(QrPayload payload) {
        if (payload instanceof QrPayload.ReceiptToken token) {
            receipts.open(token.text());
        } else if (!TechnicianQrScan.handle(payload, technician, scanProblem)) {
            scanProblem.setText(getTranslation("home.scan-not-receipt"));
        }
    }

    private void showDemoScan(DemoControls controls) {
        demoPanel.removeAll();
        demoPanel.addClassName("demo-panel");
        demoPanel.setId("home-demo-panel");
        Span label = new Span(getTranslation("demo.panel.scan"));
        label.addClassName("demo-label");
        demoPanel.add(label, DemoPanel.button("demo-scan-receipt", getTranslation("demo.scan-last-receipt"),
                controls::scanLastReceipt));
        add(demoPanel);
    }

    private Component tile(String id, String titleKey, String hintKey, VaadinIcon icon, Runnable action) {
        Icon symbol = icon.create();
        symbol.addClassName("tile-icon");
        Span title = new Span(getTranslation(titleKey));
        title.addClassName("tile-title");
        Span hint = new Span(getTranslation(hintKey));
        hint.addClassName("tile-hint");
        Button tile = new Button();
        tile.getElement().appendChild(symbol.getElement(), title.getElement(), hint.getElement());
        tile.setId(id);
        tile.addClassName("tile");
        tile.addClickListener(e -> action.run());
        return tile;
    }
}
