package org.onetrip.kiosk.agency.staff;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.qr.QrPayload;
import org.onetrip.kiosk.agency.AgencyHomeView;
import org.onetrip.kiosk.agency.StaffSession;
import org.onetrip.kiosk.demo.DemoControls;
import org.onetrip.kiosk.demo.DemoPanel;
import org.onetrip.kiosk.identify.CardTapService;
import org.onetrip.kiosk.scan.ScanService;
import org.onetrip.kiosk.ui.KioskLayout;
import org.onetrip.store.staff.StaffMember;
import org.onetrip.store.staff.StaffSignIn.Outcome;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

/**
 * 工作人员登录: tap the staff card (or scan the staff QR), then the PIN on the keypad. A card not on this point's
 * roster gets no keypad; five wrong PINs lock the card for five minutes. In the resident layout, so the resident
 * privacy timeout and 返回首页 apply: this is all a resident who taps the 工作人员 link can reach.
 */
@Route(value = StaffSession.SIGN_IN_ROUTE, layout = KioskLayout.class)
public class SignInView extends VerticalLayout {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private final StaffService staff;
    private final CardTapService cards;
    private final ScanService scans;
    private final Paragraph prompt = new Paragraph();
    private final Paragraph message = new Paragraph();
    private final PinPad pad = new PinPad(this::enter);
    private Registration cardSubscription;
    private ScanService.Subscription scanSubscription;
    private String staffId;

    public SignInView(StaffService staff, CardTapService cards, ScanService scans, Optional<DemoControls> demo) {
        this.staff = staff;
        this.cards = cards;
        this.scans = scans;
        addClassName("screen");
        addClassName("staff-sign-in");
        setAlignItems(Alignment.CENTER);
        prompt.setId("staff-prompt");
        prompt.setText(getTranslation("agency.sign-in.tap"));
        message.setId("staff-message");
        message.addClassName("problem");
        pad.setVisible(false);
        add(new H1(getTranslation("agency.sign-in.title")), prompt, pad, message);
        demo.ifPresent(controls -> add(demoPanel(controls)));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        cardSubscription = cards.subscribe(event.getUI(), this::cardRead, key -> message.setText(
                key.isEmpty() ? "" : getTranslation(key)));
        scanSubscription = scans.subscribe(event.getUI(), this::scanned);
        add(scanSubscription.wedge());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        cardSubscription.remove();
        scanSubscription.remove();
    }

    private void cardRead(IdentityCard card) {
        identify(card.idNumber());
    }

    private void scanned(QrPayload payload) {
        switch (staff.checkQr(payload.text())) {
            case StaffService.QrCheck.Accepted(String id) -> identify(id);
            case StaffService.QrCheck.Refused(String key) -> {
                staffId = null;
                pad.setVisible(false);
                message.setText(getTranslation(key));
            }
        }
    }

    private void identify(String id) {
        pad.clear();
        Optional<StaffMember> member = staff.member(id);
        if (member.isEmpty()) {
            staffId = null;
            pad.setVisible(false);
            message.setText(getTranslation("agency.sign-in.unknown"));
            return;
        }
        staffId = member.get().id();
        prompt.setText(getTranslation("agency.sign-in.pin", member.get().name()));
        Optional<Instant> locked = staff.lockedUntil(staffId);
        pad.setVisible(locked.isEmpty());
        message.setText(locked.map(this::lockedText).orElse(""));
    }

    private void enter(String pin) {
        if (staffId == null) {
            return;
        }
        switch (staff.signIn(staffId, pin)) {
            case Outcome.Accepted ignored -> getUI().ifPresent(ui -> ui.navigate(AgencyHomeView.class));
            case Outcome.Wrong(int left) -> message.setText(getTranslation("agency.sign-in.wrong", left));
            case Outcome.Locked(Instant until) -> {
                pad.setVisible(false);
                message.setText(lockedText(until));
            }
            case Outcome.UnknownCard ignored -> message.setText(getTranslation("agency.sign-in.unknown"));
        }
    }

    private String lockedText(Instant until) {
        ZoneId zone = staff.clock().getZone();
        return getTranslation("agency.sign-in.locked", TIME.format(until.atZone(zone)));
    }

    private Div demoPanel(DemoControls controls) {
        Div panel = new Div();
        panel.addClassName("demo-panel");
        Span label = new Span(getTranslation("agency.demo.staff-cards"));
        label.addClassName("demo-label");
        panel.add(label);
        int i = 0;
        for (IdentityCard card : StaffService.demoCards()) {
            panel.add(DemoPanel.button("demo-staff-" + i, getTranslation("agency.demo.staff-card", card.name()),
                    () -> controls.insertCard(card)));
            if (controls.canScanCountyQrs()) {
                panel.add(DemoPanel.button("demo-staff-qr-" + i, getTranslation("agency.demo.staff-qr", card.name()),
                        () -> controls.scanStaffQr(card)));
            }
            i++;
        }
        panel.add(DemoPanel.button("demo-staff-resident", getTranslation("agency.demo.resident-card"),
                () -> controls.insertCard(controls.cards().getFirst())));
        return panel;
    }
}
