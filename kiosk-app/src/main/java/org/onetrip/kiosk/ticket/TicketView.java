package org.onetrip.kiosk.ticket;

import org.onetrip.kiosk.ui.KioskLayout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;

/**
 * 取号: one large button; pressing it prints the day's next number and shows it big on the screen. Nothing of
 * the resident is asked or kept.
 */
@Route(value = "ticket", layout = KioskLayout.class)
public class TicketView extends VerticalLayout {
    private final TicketService tickets;
    private final Div result = new Div();

    public TicketView(TicketService tickets) {
        this.tickets = tickets;
        addClassName("screen");
        setAlignItems(Alignment.CENTER);
        Button take = new Button(getTranslation("ticket.take"), e -> {
            e.getSource().setVisible(false);
            issue();
        });
        take.setId("take-ticket");
        take.addClassName("primary-action");
        take.setDisableOnClick(true);
        result.setId("ticket-result");
        result.addClassName("ticket-result");
        add(new H1(getTranslation("ticket.title")), new Paragraph(getTranslation("ticket.hint")), take, result);
    }

    private void issue() {
        TicketService.Issued issued = tickets.issue();
        result.removeAll();
        Paragraph yours = new Paragraph(getTranslation("ticket.yours"));
        Div number = new Div();
        number.setText(issued.ticket().display());
        number.setId("ticket-number");
        number.addClassName("ticket-number");
        Paragraph next = new Paragraph(issued.problem().isPresent()
                ? getTranslation(issued.problem().get())
                : getTranslation("ticket.printed"));
        next.setId("ticket-next");
        issued.problem().ifPresent(p -> next.addClassName("problem"));
        result.add(yours, number, next);
    }
}
