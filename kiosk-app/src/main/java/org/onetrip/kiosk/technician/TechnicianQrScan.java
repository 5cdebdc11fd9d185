package org.onetrip.kiosk.technician;

import org.onetrip.hardware.qr.QrPayload;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;

/**
 * A technician's QR scanned on a resident screen (home, scan): genuine and in time, the PIN page opens and says
 * so; expired or forged, {@code problem} gets one plain sentence. Any other code is left to the screen.
 */
public final class TechnicianQrScan {
    private TechnicianQrScan() {
    }

    /** Handles {@code payload} if it is a provisioning QR; false (nothing done) for any other code. */
    public static boolean handle(QrPayload payload, TechnicianService technician, Paragraph problem) {
        if (!(payload instanceof QrPayload.Provisioning provisioning)) {
            return false;
        }
        switch (technician.checkQr(provisioning.text())) {
            case TechnicianService.QrCheck.Accepted accepted -> {
                TechnicianSession.rememberQr(accepted.qr());
                UI.getCurrent().navigate(TechnicianPinView.class);
            }
            case TechnicianService.QrCheck.Refused refused -> problem.setText(problem.getTranslation(refused.messageKey()));
        }
        return true;
    }
}
