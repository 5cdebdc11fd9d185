package org.onetrip.kiosk.agency.filing;

import java.util.Optional;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.kiosk.agency.AgencyLayout;
import org.onetrip.kiosk.agency.StaffRole;
import org.onetrip.kiosk.agency.StaffSession;
import org.onetrip.kiosk.demo.DemoControls;
import org.onetrip.kiosk.demo.DemoPanel;
import org.onetrip.kiosk.identify.CardTapService;
import org.onetrip.store.catalog.ServiceItem;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

/**
 * 群众刷卡授权: the resident taps their card, which records the authorisation (委托). Where the item requires it the
 * slip prints for the resident's signature and the agent confirms it was signed before the form opens.
 */
@Route(value = "agency/file/authorise", layout = AgencyLayout.class)
public class FilingAuthoriseView extends VerticalLayout implements HasUrlParameter<String>, BeforeEnterObserver {
    private final FilingService filing;
    private final CardTapService cards;
    private final Optional<DemoControls> demo;
    private final Paragraph message = new Paragraph();
    private final Div slip = new Div();
    private Registration subscription;
    private ServiceItem item;
    private StaffSession staff;

    public FilingAuthoriseView(FilingService filing, CardTapService cards, Optional<DemoControls> demo) {
        this.filing = filing;
        this.cards = cards;
        this.demo = demo;
        addClassName("screen");
        setAlignItems(Alignment.CENTER);
    }

    @Override
    public void setParameter(BeforeEvent event, String taskCode) {
        item = filing.item(taskCode).orElse(null);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        staff = StaffSession.require(event, StaffRole.AGENT).orElse(null);
        if (staff == null) {
            return;
        }
        if (item == null) {
            event.forwardTo(FilingItemsView.class);
            return;
        }
        Div cardSlot = new Div();
        cardSlot.addClassName("card-slot");
        cardSlot.setText(getTranslation("identify.slot"));
        message.setId("authorise-message");
        message.addClassName("problem");
        slip.setId("authorise-slip");
        slip.setVisible(false);
        add(new H1(item.name()), new Paragraph(getTranslation("agency.authorise.hint")), cardSlot, message, slip);
        demo.ifPresent(controls -> add(new DemoPanel(controls)));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        subscription = cards.subscribe(event.getUI(), this::authorised,
                key -> message.setText(key.isEmpty() ? "" : getTranslation(key)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        subscription.remove();
    }

    private void authorised(IdentityCard resident) {
        if (staff == null || item == null || slip.isVisible()) {
            return;
        }
        if (resident.idNumber().equalsIgnoreCase(staff.staffId())) {
            message.setText(getTranslation("agency.authorise.own-card"));
            return;
        }
        FilingCase c = filing.authorise(staff, item, resident);
        if (!c.authorisation().slipRequired()) {
            getUI().ifPresent(ui -> ui.navigate(FilingFormView.class));
            return;
        }
        Optional<String> problem = filing.printSlip(c, staff);
        message.setText(problem.map(this::getTranslation).orElse(""));
        Button signed = new Button(getTranslation("agency.slip.signed"), e -> {
            filing.slipSigned(c);
            e.getSource().getUI().ifPresent(ui -> ui.navigate(FilingFormView.class));
        });
        signed.setId("slip-signed");
        signed.addClassName("primary-action");
        Button reprint = new Button(getTranslation("agency.slip.reprint"), e -> message.setText(
                filing.printSlip(c, staff).map(this::getTranslation).orElse("")));
        reprint.setId("slip-reprint");
        Div actions = new Div(reprint, signed);
        actions.addClassName("slip-actions");
        slip.add(new Paragraph(getTranslation("agency.slip.printed", resident.maskedName())), actions);
        slip.setVisible(true);
    }
}
