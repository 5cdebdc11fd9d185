package org.onetrip.kiosk.demo;

import java.util.List;

import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.idcard.SimulatedIdCardReader;

/**
 * The knobs of demo mode's simulated devices, offered on screen in a clearly marked panel. Registered as a
 * service only in demo mode; the app never asks whether it is in demo mode.
 */
public final class DemoControls {
    private final SimulatedIdCardReader reader;

    public DemoControls(SimulatedIdCardReader reader) {
        this.reader = reader;
    }

    public List<IdentityCard> cards() {
        return DemoCards.all();
    }

    /** Puts a card on the simulated reader (and takes the previous one off first, as a hand would). */
    public void insertCard(IdentityCard card) {
        reader.removeCard();
        reader.insertCard(card);
    }

    public void removeCard() {
        reader.removeCard();
    }
}
