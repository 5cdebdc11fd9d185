package org.onetrip.kiosk.receipt;

import java.util.UUID;

import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.status.StatusView;
import org.onetrip.kiosk.ui.KioskLayout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/** "已提交": the receipt on screen, drawn from exactly what the printer was sent; then status or done. */
@Route(value = "receipt", layout = KioskLayout.class)
public class ReceiptView extends VerticalLayout implements HasUrlParameter<String> {
    private final ReceiptService receipts;

    public ReceiptView(ReceiptService receipts) {
        this.receipts = receipts;
        addClassName("screen");
        setAlignItems(Alignment.CENTER);
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        UUID submission;
        try {
            submission = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            event.forwardTo(HomeView.class);
            return;
        }
        ResidentSession resident = ResidentSession.current();
        var bytes = resident.receiptOf(submission);
        if (bytes.isEmpty()) {
            event.forwardTo(HomeView.class);
            return;
        }
        removeAll();
        Paragraph safe = new Paragraph(getTranslation("receipt.saved"));
        safe.setId("receipt-saved");
        safe.addClassName("success");
        add(new H1(getTranslation("receipt.title")), safe);
        resident.printProblemOf(submission).ifPresent(problem -> {
            Paragraph p = new Paragraph(getTranslation(problem));
            p.setId("print-problem");
            p.addClassName("problem");
            add(p);
        });
        // Drawn when the browser fetches the image, not in the tap that submitted: the resident sees "saved" at once.
        byte[] escPos = bytes.get();
        Image image = new Image(DownloadHandler.fromInputStream(e -> {
            byte[] png = receipts.png(escPos);
            return new DownloadResponse(new java.io.ByteArrayInputStream(png), "receipt.png", "image/png", png.length);
        }), getTranslation("receipt.image-alt"));
        image.setId("receipt-image");
        image.addClassName("receipt-image");
        Button status = new Button(getTranslation("receipt.to-status"),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(StatusView.class)));
        status.setId("to-status");
        Button done = new Button(getTranslation("receipt.done"),
                e -> e.getSource().getUI().ifPresent(ResidentSession::end));
        done.setId("done");
        done.addClassName("primary-action");
        Div actions = new Div(status, done);
        actions.addClassName("actions");
        add(new Div(image), actions);
    }
}
