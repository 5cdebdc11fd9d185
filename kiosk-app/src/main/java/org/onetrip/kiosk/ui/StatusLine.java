package org.onetrip.kiosk.ui;

import java.util.ArrayList;
import java.util.List;

import org.onetrip.kiosk.identify.CardTapService;
import org.onetrip.kiosk.receipt.ReceiptService;
import org.onetrip.store.sync.SyncEngine;
import org.onetrip.store.sync.SyncState;

import com.vaadin.flow.component.html.Paragraph;

/**
 * A small line on the home screen that says, in plain words, what does not work right now and what that means
 * for a resident's submission: the platform unreachable (it is kept here and sent later), the printer out of
 * paper (the receipt can be reprinted), the card reader out of order. Empty when everything works.
 */
public class StatusLine extends Paragraph {
    private final SyncEngine sync;
    private final ReceiptService receipts;
    private final CardTapService cards;
    private boolean active = true;

    public StatusLine(SyncEngine sync, ReceiptService receipts, CardTapService cards) {
        this.sync = sync;
        this.receipts = receipts;
        this.cards = cards;
        setId("status-line");
        addClassName("status-line");
        getElement().setAttribute("role", "status");
        refresh();
    }

    /** The message keys that apply now, most important first. */
    public List<String> problems() {
        List<String> keys = new ArrayList<>();
        if (!cards.readerWorks()) {
            keys.add("errors.reader");
        }
        SyncState state = sync.state();
        if (state.halted().isPresent() || state.lastError().isPresent()) {
            keys.add("errors.platform");
        }
        var printer = receipts.printerStatus();
        if (!printer.canPrint()) {
            keys.add(printer == org.onetrip.hardware.printer.PrinterStatus.PAPER_OUT ? "errors.paper-out"
                    : "errors.printer");
        }
        return keys;
    }

    /** Whether the line belongs on the screen showing now (the home screen). */
    public void setActive(boolean active) {
        this.active = active;
        refresh();
    }

    public void refresh() {
        List<String> keys = active ? problems() : List.of();
        setText(String.join(" ", keys.stream().map(this::getTranslation).toList()));
        setVisible(!keys.isEmpty());
    }
}
