package org.onetrip.kiosk.identify;

import java.util.function.Consumer;
import java.util.function.Predicate;

import org.onetrip.hardware.idcard.IdCardEvent;
import org.onetrip.hardware.idcard.IdCardListener;
import org.onetrip.hardware.idcard.IdCardReader;
import org.onetrip.hardware.idcard.IdentityCard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Brings the ID-card reader's events to a screen: a view subscribes while it waits for a card, and receives
 * the card (or a problem, in plain words) on its UI thread through {@code ui.access}. Only the terminal's own
 * screen gets them: in LAN mode a staff tablet on the identify screen must never receive the card a resident taps
 * at the kiosk; it is told to use the kiosk's reader.
 */
public final class CardTapService {
    /** The message a screen away from the terminal (a LAN tablet) gets instead of card reads. */
    public static final String NOT_AT_TERMINAL = "identify.not-at-terminal";

    private final IdCardReader reader;
    private final Predicate<UI> atTerminal;

    /** Every screen is the terminal's own (no LAN mode). */
    public CardTapService(IdCardReader reader) {
        this(reader, ui -> true);
    }

    /** @param atTerminal whether a screen is the terminal's own ({@link TerminalScreen#isLocal}) */
    public CardTapService(IdCardReader reader, Predicate<UI> atTerminal) {
        this.reader = reader;
        this.atTerminal = atTerminal;
    }

    /**
     * @param onCard    a card was read and checked
     * @param onProblem a message key for the resident: the card could not be read, or the reader is out of order
     */
    public Registration subscribe(UI ui, Consumer<IdentityCard> onCard, Consumer<String> onProblem) {
        if (!atTerminal.test(ui)) {
            onProblem.accept(NOT_AT_TERMINAL);
            return () -> {
            };
        }
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
        if (!atTerminal.test(ui)) {
            return () -> {
            };
        }
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
