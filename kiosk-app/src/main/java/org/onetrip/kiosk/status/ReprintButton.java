package org.onetrip.kiosk.status;

import java.util.UUID;

import org.onetrip.kiosk.receipt.ReceiptService;
import org.onetrip.kiosk.session.IdleGuard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** 补打回执 for one submission, with the outcome in plain words beside it. */
final class ReprintButton extends Div {

    ReprintButton(ReceiptService receipts, UUID submission) {
        Span outcome = new Span();
        outcome.setId("reprint-result-" + submission);
        outcome.addClassName("reprint-result");
        Button reprint = new Button(getTranslation("status.reprint"), e -> {
            boolean printed;
            try (var busy = IdleGuard.busy(e.getSource().getUI().orElse(null))) {
                printed = receipts.reprint(submission).map(r -> r.problem().isEmpty()).orElse(false);
            }
            outcome.setText(getTranslation(printed ? "status.reprint-done" : "status.reprint-failed"));
            outcome.setClassName("problem", !printed);
        });
        reprint.setId("reprint-" + submission);
        reprint.addClassName("reprint-button");
        addClassName("reprint");
        add(reprint, outcome);
    }
}
