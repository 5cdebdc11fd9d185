package org.onetrip.hardware.panel;

import java.util.Optional;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.onetrip.hardware.idcard.IdCardEvent;
import org.onetrip.hardware.idcard.IdCardListener;
import org.onetrip.hardware.idcard.IdCardReader;
import org.onetrip.hardware.qr.QrScanListener;
import org.onetrip.hardware.qr.QrScanner;

/**
 * What the panel tells a person standing at the kiosk about its devices: one beep for a card read or a code
 * scanned, three for a card that could not be read; the fault light while the ID-card reader is out of order,
 * the ready light otherwise. Start it after the panel and the devices; it stops before them.
 */
public final class PanelFeedback extends AbstractLifeCycle {
    private final Panel panel;
    private final IdCardReader reader;
    private final Optional<QrScanner> scanner;
    private final IdCardListener onCard = this::onCard;
    private final QrScanListener onScan = text -> beep(Panel.Beep.CONFIRM);

    public PanelFeedback(Panel panel, IdCardReader reader, Optional<QrScanner> scanner) {
        this.panel = panel;
        this.reader = reader;
        this.scanner = scanner;
    }

    @Override
    protected void doStart() {
        reader.addListener(onCard);
        scanner.ifPresent(s -> s.addListener(onScan));
        panel.show(Panel.Light.READY);
    }

    @Override
    protected void doStop() {
        reader.removeListener(onCard);
        scanner.ifPresent(s -> s.removeListener(onScan));
        panel.show(Panel.Light.OFF);
    }

    private void onCard(IdCardEvent event) {
        switch (event) {
            case IdCardEvent.CardRead read -> beep(Panel.Beep.CONFIRM);
            case IdCardEvent.CardUnreadable unreadable -> beep(Panel.Beep.ALERT);
            case IdCardEvent.ReaderFault fault -> panel.show(Panel.Light.FAULT);
            case IdCardEvent.ReaderBack back -> panel.show(Panel.Light.READY);
            case IdCardEvent.CardRemoved removed -> {
                // nothing to tell
            }
        }
    }

    private void beep(Panel.Beep beep) {
        panel.beep(beep);
    }

    @Override
    public String toString() {
        return "panel-feedback[" + panel.name() + "]@" + getState();
    }
}
