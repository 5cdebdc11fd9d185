package org.onetrip.kiosk.technician;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.ui.KioskLayout;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Route;

/** The technician PIN, reached by the hidden gesture or by scanning a county-signed technician QR. */
@Route(value = "technician", layout = KioskLayout.class)
public class TechnicianPinView extends VerticalLayout {
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm");

    public TechnicianPinView(TechnicianService technician, ZoneId zone) {
        addClassName("technician-pin");
        PasswordField pin = new PasswordField(getTranslation("technician.pin"));
        pin.setId("technician-pin");
        pin.setRevealButtonVisible(false);
        pin.setAllowedCharPattern("[0-9]");
        pin.setMaxLength(12);
        Paragraph message = new Paragraph();
        message.setId("technician-pin-message");
        Button enter = new Button(getTranslation("technician.enter"), e -> {
            switch (technician.checkPin(pin.getValue())) {
                case ACCEPTED -> {
                    TechnicianSession.set(true);
                    getUI().ifPresent(ui -> ui.navigate(TechnicianView.class));
                }
                case WRONG -> message.setText(getTranslation("technician.pin-wrong"));
                case LOCKED -> message.setText(getTranslation("technician.pin-locked"));
            }
            pin.clear();
        });
        enter.setId("technician-enter");
        enter.addClickShortcut(Key.ENTER);
        Button back = new Button(getTranslation("technician.back"), e -> getUI().ifPresent(ui -> ui.navigate(HomeView.class)));
        back.setId("technician-cancel");
        Paragraph qr = new Paragraph();
        qr.setId("technician-qr");
        TechnicianSession.qr().ifPresent(q -> qr.setText(getTranslation("technician.qr-accepted", q.terminalId(),
                UNTIL.format(q.expiresAt().atZone(zone)))));
        add(new H2(getTranslation("technician.title")), qr, pin, enter, message, back);
    }
}
