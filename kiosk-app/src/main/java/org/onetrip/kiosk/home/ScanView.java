package org.onetrip.kiosk.home;

import java.util.Optional;

import org.onetrip.hardware.qr.QrPayload;
import org.onetrip.kiosk.camera.BrowserCamera;
import org.onetrip.kiosk.demo.DemoControls;
import org.onetrip.kiosk.demo.DemoPanel;
import org.onetrip.kiosk.scan.ScanService;
import org.onetrip.kiosk.status.ReceiptLookup;
import org.onetrip.kiosk.technician.TechnicianQrScan;
import org.onetrip.kiosk.technician.TechnicianService;
import org.onetrip.kiosk.ui.KioskLayout;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;

/**
 * 扫码: "hold the receipt's QR code to the scanner window", with a picture of where that is. Where the terminal
 * has a camera, its live preview shows too and its frames are decoded like the scanner's codes. A receipt opens
 * its status; any other code gets a plain sentence saying what to scan instead.
 */
@Route(value = "scan", layout = KioskLayout.class)
public class ScanView extends VerticalLayout {
    private final ScanService scans;
    private final ReceiptLookup receipts;
    private final Optional<DemoControls> demo;
    private final TechnicianService technician;
    private final Paragraph problem = new Paragraph();
    private final Paragraph cameraHint = new Paragraph();
    private final BrowserCamera camera;
    private ScanService.Subscription subscription;

    public ScanView(ScanService scans, ReceiptLookup receipts, Optional<DemoControls> demo,
                    TechnicianService technician) {
        this.scans = scans;
        this.technician = technician;
        this.receipts = receipts;
        this.demo = demo;
        addClassName("screen");
        setAlignItems(Alignment.CENTER);
        Div window = new Div();
        window.addClassName("scan-window");
        window.setText(getTranslation("scan.window"));
        problem.setId("scan-problem");
        problem.addClassName("problem");
        cameraHint.setId("camera-hint");
        cameraHint.setText(getTranslation("scan.camera-hint"));
        cameraHint.setVisible(false);
        camera = BrowserCamera.scanning(scans::decodePicture, this::scanned).onUnavailable(reason -> hideCamera());
        camera.setId("scan-camera");
        camera.onStarted(() -> cameraHint.setVisible(true));
        add(new H1(getTranslation("scan.title")), new Paragraph(getTranslation("scan.hint")), window, problem,
                cameraHint, camera);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        subscription = scans.subscribe(event.getUI(), this::scanned);
        add(subscription.wedge());
        demo.ifPresent(controls -> {
            Div panel = new Div();
            panel.addClassName("demo-panel");
            if (controls.canScanLastReceipt()) {
                panel.add(DemoPanel.button("demo-scan-receipt", getTranslation("demo.scan-last-receipt"),
                        controls::scanLastReceipt));
            }
            if (controls.canScanCountyQrs()) {
                panel.add(DemoPanel.button("demo-technician-qr", getTranslation("demo.technician-qr"),
                        controls::scanTechnicianQr));
            }
            if (panel.getChildren().findAny().isPresent()) {
                add(panel);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.remove();
        }
    }

    private void hideCamera() {
        camera.setVisible(false);
        cameraHint.setVisible(false);
    }

    /** A code from the scanner or the camera: true (the camera may stop) when it was a receipt's. */
    private boolean scanned(QrPayload payload) {
        if (payload instanceof QrPayload.ReceiptToken token) {
            receipts.open(token.text());
            return true;
        }
        if (TechnicianQrScan.handle(payload, technician, problem)) {
            return true;
        }
        problem.setText(getTranslation("home.scan-not-receipt"));
        return false;
    }
}
