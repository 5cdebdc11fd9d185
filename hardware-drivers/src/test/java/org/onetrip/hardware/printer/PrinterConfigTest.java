package org.onetrip.hardware.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onetrip.hardware.printer.escpos.PrinterProfile;

/** The technician's printer settings: parsed, validated with every wrong setting named, and turned into a driver. */
class PrinterConfigTest {

    @Test
    void a_serial_58mm_printer_without_native_qr_gets_the_matching_profile_and_driver() {
        PrinterConfig config = PrinterConfig.fromProperties(Map.of("printer.transport", "serial",
                "printer.serial.path", "/dev/ttyUSB0", "printer.serial.baud", "19200", "printer.paper", "58",
                "printer.native-qr", "no")).validate();

        PrinterProfile profile = config.profile();
        assertEquals(384, profile.dotsPerLine());
        assertFalse(profile.nativeQr());
        assertEquals(PrinterProfile.CutMode.NONE, profile.cut(), "58 mm printers have no cutter unless set");
        ReceiptPrinter printer = config.open();
        assertInstanceOf(EscPosPrinter.class, printer);
        assertEquals("printer[/dev/ttyUSB0]", printer.name());
    }

    @Test
    void usb_and_tcp_have_their_usual_defaults() {
        PrinterConfig usb = PrinterConfig.fromProperties(Map.of("printer.transport", "usb")).validate();
        PrinterConfig tcp = PrinterConfig.fromProperties(Map.of("printer.transport", "tcp",
                "printer.tcp.host", "192.0.2.10", "printer.cut", "partial", "printer.font", "gb18030")).validate();

        assertEquals(new PrinterConfig.Transport.UsbDevice("/dev/usb/lp0"), usb.transport());
        assertEquals(new PrinterConfig.Transport.Tcp("192.0.2.10", 9100), tcp.transport());
        assertEquals(PrinterProfile.CutMode.PARTIAL, tcp.profile().cut());
        assertEquals(PrinterProfile.ChineseFont.GB18030, tcp.profile().font());
        assertEquals(576, tcp.profile().dotsPerLine());
        assertEquals("printer[192.0.2.10:9100]", tcp.open().name());
    }

    @Test
    void the_demo_printer_is_simulated() {
        assertInstanceOf(SimulatedPrinter.class, PrinterConfig.simulated().validate().open());
    }

    @Test
    void every_wrong_setting_is_named_with_its_fix_at_once() {
        PrinterConfigException e = assertThrows(PrinterConfigException.class, () -> new PrinterConfig(
                new PrinterConfig.Transport.Serial("COM3", 9601), 57, true, null,
                PrinterProfile.ChineseFont.GB2312).validate());

        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("printer.serial.path") && e.getMessage().contains("/dev/ttyUSB0"));
        assertTrue(e.getMessage().contains("printer.serial.baud") && e.getMessage().contains("9601"));
        assertTrue(e.getMessage().contains("printer.paper must be 58 or 80"));
        assertTrue(e.getMessage().contains("printer.cut"));
    }

    @Test
    void unreadable_values_are_named_too() {
        PrinterConfigException e = assertThrows(PrinterConfigException.class, () -> PrinterConfig.fromProperties(
                Map.of("printer.transport", "bluetooth", "printer.paper", "eighty", "printer.native-qr", "maybe",
                        "printer.cut", "half")));

        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("printer.transport must be serial, usb, tcp or simulated (got: 'bluetooth')"));
        assertTrue(e.getMessage().contains("printer.paper must be a number (got: 'eighty')"));
        assertTrue(e.getMessage().contains("printer.native-qr must be yes or no"));
        assertTrue(e.getMessage().contains("printer.cut must be full, partial or none (got: 'half')"));
    }

    @Test
    void a_tcp_printer_needs_a_host_and_a_port_in_range() {
        PrinterConfigException e = assertThrows(PrinterConfigException.class,
                () -> new PrinterConfig(new PrinterConfig.Transport.Tcp(" ", 0), 80, true,
                        PrinterProfile.CutMode.FULL, PrinterProfile.ChineseFont.GB2312).validate());

        assertTrue(e.getMessage().contains("printer.tcp.host is empty"));
        assertTrue(e.getMessage().contains("printer.tcp.port must be 1-65535"));
    }
}
