package org.onetrip.hardware.printer.transport;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.onetrip.hardware.printer.EscPosPrinter;
import org.onetrip.hardware.printer.ReceiptPrinter;
import org.onetrip.hardware.printer.ReceiptPrinterContract;
import org.onetrip.hardware.printer.escpos.PrinterProfile;

/** The real driver over TCP to a loopback server playing a network printer on port 9100. */
class TcpPrinterContractTest extends ReceiptPrinterContract {
    private FakeNetworkPrinter network;
    private EscPosPrinter printer;

    @BeforeEach
    void start() throws Exception {
        network = new FakeNetworkPrinter();
        printer = new EscPosPrinter(new TcpTransport("127.0.0.1", network.port()), PrinterProfile.MM58);
        printer.start();
    }

    @AfterEach
    void stop() throws Exception {
        printer.stop();
        network.close();
    }

    @Override
    protected ReceiptPrinter printer() {
        return printer;
    }

    @Override
    protected void paperOut() {
        network.paper(org.onetrip.hardware.printer.FakePrinterEnd.PAPER_END);
    }

    @Override
    protected void paperNearEnd() {
        network.paper(org.onetrip.hardware.printer.FakePrinterEnd.NEAR_END);
    }

    @Override
    protected void paperLoaded() {
        network.paper(org.onetrip.hardware.printer.FakePrinterEnd.READY);
    }

    @Override
    protected byte[] printed(int length) throws Exception {
        return network.end().awaitPrinted(length, Duration.ofSeconds(5));
    }
}
