package org.onetrip.hardware.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.sam.SerialIdCardReader;
import org.onetrip.hardware.panel.GpioPanel;
import org.onetrip.hardware.panel.NoOpPanel;
import org.onetrip.hardware.qr.SerialQrScanner;

class DeviceConfigTest {
    @TempDir
    Path dir;

    private static Properties props(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    @Test
    void a_complete_file_is_read_with_every_setting() throws Exception {
        Path file = dir.resolve("devices.properties");
        Files.writeString(file, """
                reader=serial
                reader.path=/dev/serial/by-id/usb-Synjones_IDCard_Reader-if00-port0
                scanner=serial
                scanner.path=/dev/serial/by-id/usb-Newland_NLS-FM430-if00
                scanner.baud=115200
                scanner.terminator=CRLF
                scanner.charset=GBK
                panel=gpio
                panel.provider=linuxfs
                panel.chip=gpiochip4
                panel.pin.status-led=17
                panel.pin.help-button=5
                panel.debounce-ms=50
                """, StandardCharsets.UTF_8);
        DeviceConfig c = DeviceConfig.load(file);
        assertEquals(DeviceConfig.Kind.SERIAL, c.reader().kind());
        assertEquals("/dev/serial/by-id/usb-Synjones_IDCard_Reader-if00-port0", c.reader().path());
        assertEquals(115200, c.scanner().baud());
        assertArrayEquals(new byte[]{'\r', '\n'}, c.scanner().terminator());
        assertEquals("GBK", c.scanner().charset().name());
        assertEquals(GpioPanel.Provider.LINUXFS, c.panel().provider());
        assertEquals("gpiochip4", c.panel().chip());
        assertEquals(OptionalInt.of(17), c.panel().pins().statusLed());
        assertEquals(50, c.panel().pins().debounceMillis());
        assertEquals(List.of(), c.warnings());
    }

    @Test
    void unset_settings_take_the_documented_defaults() throws Exception {
        DeviceConfig c = DeviceConfig.fromProperties(props("reader.path=/dev/serial/by-id/r"));
        assertEquals(DeviceConfig.Kind.KEYBOARD_WEDGE, c.scanner().kind());
        assertEquals(DeviceConfig.Kind.GPIO, c.panel().kind());
        assertEquals(GpioPanel.Provider.GPIOD, c.panel().provider());
        assertTrue(c.panel().pins().isEmpty());
        assertEquals(200, c.reader().poll().toMillis());
    }

    @Test
    void every_wrong_setting_is_named_with_its_fix_in_one_message() throws Exception {
        DeviceConfigException e = assertThrows(DeviceConfigException.class, () -> DeviceConfig.fromProperties(props("""
                reader=usb
                scanner=serial
                scanner.baud=fast
                scanner.terminator=NUL
                panel.pin.buzzer=40
                panel.pin.help-button=5
                panel.pin.tamper-switch=5
                panel.provider=pigpio
                reader.pth=/dev/ttyUSB0
                """)));
        String m = e.getMessage();
        for (String expected : List.of("reader must be one of [serial, simulated] (got 'usb')",
                "reader.path is missing", "/dev/serial/by-id/", "scanner.path is missing",
                "scanner.baud must be a whole number (got 'fast')", "scanner.terminator must be CR, LF, CRLF, TAB or ETX",
                "panel.pin.buzzer must be a BCM GPIO number 0-27 (got 40)",
                "panel.pin.tamper-switch and panel.pin.help-button are both GPIO 5",
                "panel.provider must be gpiod or linuxfs", "unknown setting reader.pth")) {
            assertTrue(m.contains(expected), "missing '" + expected + "' in: " + m);
        }
    }

    @Test
    void a_tty_usb_path_works_but_earns_advice_to_use_the_by_id_name() throws Exception {
        DeviceConfig c = DeviceConfig.fromProperties(props("reader.path=/dev/ttyUSB0"));
        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().getFirst().contains("/dev/serial/by-id/"));
    }

    @Test
    void demo_configuration_gives_the_simulators_with_their_own_types() {
        Devices d = Devices.open(DeviceConfig.simulated(), dir.resolve("native"));
        assertTrue(d.simulatedReader().isPresent() && d.simulatedScanner().isPresent() && d.simulatedPanel().isPresent());
        assertEquals(d.simulatedReader().get(), d.reader());
        assertEquals(3, d.parts().size());
    }

    @Test
    void real_configuration_gives_the_real_drivers_and_a_wedge_scanner_has_no_serial_driver() throws Exception {
        Devices d = Devices.open(DeviceConfig.fromProperties(props("""
                reader.path=/dev/serial/by-id/reader
                panel=none
                """)), dir.resolve("native"));
        assertInstanceOf(SerialIdCardReader.class, d.reader());
        assertTrue(d.scanner().isEmpty(), "keyboard-wedge scans come from the browser");
        assertInstanceOf(NoOpPanel.class, d.panel());
        assertTrue(d.simulatedReader().isEmpty());
        assertTrue(Files.exists(dir.resolve("native/libjSerialComm.so")) || System.getProperty("jSerialComm.library.path") != null);

        Devices scanner = Devices.open(DeviceConfig.fromProperties(props("""
                reader.path=/dev/serial/by-id/reader
                scanner=serial
                scanner.path=/dev/serial/by-id/scanner
                panel=none
                """)), dir.resolve("native"));
        assertInstanceOf(SerialQrScanner.class, scanner.scanner().orElseThrow());
    }

    @Test
    void a_gpio_panel_without_pins_is_a_no_op_panel_that_says_why() throws Exception {
        Devices d = Devices.open(DeviceConfig.fromProperties(props("reader.path=/dev/serial/by-id/r")), dir);
        NoOpPanel panel = assertInstanceOf(NoOpPanel.class, d.panel());
        assertTrue(panel.reason().contains("no panel.pin.* settings"), panel.reason());
    }

    @Test
    void pins_on_a_machine_without_that_gpio_chip_are_a_configuration_error_naming_the_fix() throws Exception {
        DeviceConfig c = DeviceConfig.fromProperties(props("""
                reader.path=/dev/serial/by-id/r
                panel.chip=gpiochip99
                panel.pin.status-led=17
                """));
        DeviceConfigException e = assertThrows(DeviceConfigException.class, () -> Devices.open(c, dir));
        assertTrue(e.getMessage().contains("/dev/gpiochip99") && e.getMessage().contains("gpiodetect"), e.getMessage());
    }
}
