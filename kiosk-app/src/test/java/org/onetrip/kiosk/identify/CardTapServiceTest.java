package org.onetrip.kiosk.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.onetrip.hardware.idcard.IdCardListener;
import org.onetrip.hardware.idcard.IdCardReader;
import org.onetrip.hardware.qr.QrScanListener;
import org.onetrip.hardware.qr.QrScanner;
import org.onetrip.kiosk.scan.ScanService;

import com.vaadin.flow.component.UI;

import org.eclipse.jetty.util.component.AbstractLifeCycle;

class CardTapServiceTest {
    private final Reader reader = new Reader();
    private final UI tablet = new UI();

    @Test
    void a_screen_away_from_the_terminal_gets_no_card_reads_and_is_told_to_use_the_kiosk() {
        CardTapService taps = new CardTapService(reader, ui -> ui != tablet);
        List<String> problems = new ArrayList<>();

        taps.subscribe(tablet, card -> problems.add("a card!"), problems::add).remove();
        taps.onRemoved(tablet, () -> problems.add("removed!"));

        assertEquals(List.of(CardTapService.NOT_AT_TERMINAL), problems);
        assertTrue(reader.listeners.isEmpty(), "the tablet never listens to the reader");
    }

    @Test
    void the_terminals_own_screen_listens_to_the_reader_until_it_lets_go() {
        CardTapService taps = new CardTapService(reader, ui -> ui != tablet);
        UI kiosk = new UI();

        var registration = taps.subscribe(kiosk, card -> { }, problem -> { });
        assertEquals(1, reader.listeners.size());
        registration.remove();
        assertTrue(reader.listeners.isEmpty());
    }

    @Test
    void a_tablet_gets_no_hardware_scans_either() {
        Scanner scanner = new Scanner();
        ScanService scans = new ScanService(Optional.of(scanner), ui -> ui != tablet);

        scans.subscribe(tablet, payload -> { });
        assertTrue(scanner.listeners.isEmpty());
        scans.subscribe(new UI(), payload -> { });
        assertEquals(1, scanner.listeners.size());
    }

    @Test
    void only_loopback_addresses_are_the_terminals_own() {
        assertTrue(TerminalScreen.isLoopback("127.0.0.1"));
        assertTrue(TerminalScreen.isLoopback("0:0:0:0:0:0:0:1"));
        assertTrue(TerminalScreen.isLoopback("[::1]"));
        assertFalse(TerminalScreen.isLoopback("192.168.1.20"));
        assertFalse(TerminalScreen.isLoopback("::ffff:192.168.1.20"));
        assertFalse(TerminalScreen.isLoopback(null));
        assertFalse(TerminalScreen.isLocal(new UI()), "a UI without a session is nobody's screen");
    }

    private static final class Reader extends AbstractLifeCycle implements IdCardReader {
        final List<IdCardListener> listeners = new ArrayList<>();

        @Override
        public String name() {
            return "test-reader";
        }

        @Override
        public void addListener(IdCardListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(IdCardListener listener) {
            listeners.remove(listener);
        }

        @Override
        public boolean isHealthy() {
            return true;
        }
    }

    private static final class Scanner extends AbstractLifeCycle implements QrScanner {
        final List<QrScanListener> listeners = new ArrayList<>();

        @Override
        public String name() {
            return "test-scanner";
        }

        @Override
        public void addListener(QrScanListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(QrScanListener listener) {
            listeners.remove(listener);
        }
    }
}
