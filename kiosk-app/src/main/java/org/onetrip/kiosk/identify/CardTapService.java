package org.onetrip.kiosk.identify;

import java.util.function.Consumer;

import org.onetrip.hardware.idcard.IdCardEvent;
import org.onetrip.hardware.idcard.IdCardListener;
import org.onetrip.hardware.idcard.IdCardReader;
import org.onetrip.hardware.idcard.IdentityCard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Brings the ID-card reader's events to a screen: a view subscribes while it waits for a card, and receives
 * the card (or a problem, in plain words) on its UI thread through {@code ui.access}.
 */
public final class CardTapService {
    private final IdCardReader reader;

    public CardTapService(IdCardReader reader) {
        this.reader = reader;
    }

    /**
     * @param onCard    a card was read and checked
     * @param onProblem a message key for the resident: the card could not be read, or the reader is out of order
     */
    public Registration subscribe(UI ui, Consumer<IdentityCard> onCard, Consumer<String> onProblem) {
        IdCardListener listener = event -> {
            switch (event) {
                case IdCardEvent.CardRead read -> ui.access(() -> onCard.accept(read.card()));
                case IdCardEvent.CardUnreadable ignored -> ui.access(() -> onProblem.accept("identify.unreadable"));
                case IdCardEvent.ReaderFault ignored -> ui.access(() -> onProblem.accept("identify.reader-fault"));
                case IdCardEvent.ReaderBack ignored -> ui.access(() -> onProblem.accept(""));
                case IdCardEvent.CardRemoved ignored -> {
                }
            }
        };
        reader.addListener(listener);
        return () -> reader.removeListener(listener);
    }

    /** Runs {@code onRemoved} on {@code ui}'s thread whenever a card is taken off the reader. */
    public Registration onRemoved(UI ui, Runnable onRemoved) {
        IdCardListener listener = event -> {
            if (event instanceof IdCardEvent.CardRemoved) {
                ui.access(onRemoved::run);
            }
        };
        reader.addListener(listener);
        return () -> reader.removeListener(listener);
    }

    public boolean readerWorks() {
        return reader.isHealthy();
    }
}
