package org.onetrip.hardware.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.jetty.util.component.LifeCycle;
import org.onetrip.hardware.idcard.IdCardReader;
import org.onetrip.hardware.idcard.SimulatedIdCardReader;
import org.onetrip.hardware.idcard.sam.SerialIdCardReader;
import org.onetrip.hardware.panel.GpioPanel;
import org.onetrip.hardware.panel.NoOpPanel;
import org.onetrip.hardware.panel.Panel;
import org.onetrip.hardware.panel.PanelContexts;
import org.onetrip.hardware.panel.SimulatedPanel;
import org.onetrip.hardware.qr.QrScanner;
import org.onetrip.hardware.qr.SerialQrScanner;
import org.onetrip.hardware.qr.SimulatedQrScanner;
import org.onetrip.hardware.serial.JSerialCommLink;
import org.onetrip.hardware.serial.SerialNatives;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's devices, chosen once from configuration: real drivers or simulators, never a driver that asks
 * which it is. The simulators' own types are kept for the composition root (demo controls), so nobody downcasts.
 *
 * @param scanner empty for a keyboard-wedge scanner (it types into the browser) or none
 */
public record Devices(IdCardReader reader, Optional<QrScanner> scanner, Panel panel,
                      Optional<SimulatedIdCardReader> simulatedReader, Optional<SimulatedQrScanner> simulatedScanner,
                      Optional<SimulatedPanel> simulatedPanel) {
    private static final Logger log = LoggerFactory.getLogger(Devices.class);

    /**
     * Builds the devices {@code config} names (not started: the caller adds them to its lifecycle).
     *
     * @param nativeDir where jSerialComm's native library is extracted (owner-only), e.g. the data directory's
     *                  {@code native/}
     * @throws DeviceConfigException when the configuration asks for something this machine cannot have
     */
    public static Devices open(DeviceConfig config, Path nativeDir) {
        config.validate();
        config.warnings().forEach(w -> log.warn("device configuration: {}", w));
        boolean serial = config.reader().kind() == DeviceConfig.Kind.SERIAL
                || config.scanner().kind() == DeviceConfig.Kind.SERIAL;
        if (serial) {
            SerialNatives.extractTo(nativeDir);
        }

        SimulatedIdCardReader simReader = null;
        IdCardReader reader;
        if (config.reader().kind() == DeviceConfig.Kind.SERIAL) {
            SerialIdCardReader.Settings defaults = SerialIdCardReader.Settings.of(config.reader().path());
            reader = new SerialIdCardReader(new SerialIdCardReader.Settings(defaults.path(), config.reader().poll(),
                    defaults.reconnect(), defaults.timing()), JSerialCommLink::open);
        } else {
            reader = simReader = new SimulatedIdCardReader();
        }

        SimulatedQrScanner simScanner = null;
        QrScanner scanner = switch (config.scanner().kind()) {
            case SERIAL -> new SerialQrScanner(new SerialQrScanner.Settings(config.scanner().path(),
                    config.scanner().baud(), config.scanner().terminator(), config.scanner().charset(),
                    java.time.Duration.ofMillis(250)), JSerialCommLink::open);
            case SIMULATED -> simScanner = new SimulatedQrScanner();
            default -> null;
        };

        SimulatedPanel simPanel = null;
        Panel panel;
        DeviceConfig.PanelSettings p = config.panel();
        switch (p.kind()) {
            case SIMULATED -> panel = simPanel = new SimulatedPanel();
            case GPIO -> panel = gpioPanel(p);
            default -> panel = new NoOpPanel("the configuration says there is no panel (panel=none)");
        }
        return new Devices(reader, Optional.ofNullable(scanner), panel, Optional.ofNullable(simReader),
                Optional.ofNullable(simScanner), Optional.ofNullable(simPanel));
    }

    private static Panel gpioPanel(DeviceConfig.PanelSettings p) {
        boolean gpio = PanelContexts.hasGpio(p.chip());
        if (p.pins().isEmpty()) {
            return new NoOpPanel(gpio ? "no panel.pin.* settings" : "no panel.pin.* settings and no GPIO on this machine");
        }
        if (!gpio) {
            throw new DeviceConfigException("device configuration: panel.pin.* are set but /dev/" + p.chip()
                    + " does not exist: set panel.chip to a chip gpiodetect lists, or remove the panel.pin.* settings"
                    + " on a machine without GPIO");
        }
        return new GpioPanel(PanelContexts.hardware(p.provider(), p.chip()), p.pins(), p.chip());
    }

    /** Every device, in start order, for the composition root's lifecycle. */
    public List<LifeCycle> parts() {
        return scanner.<List<LifeCycle>>map(s -> List.of(reader, s, panel)).orElseGet(() -> List.of(reader, panel));
    }
}
