package org.onetrip.hardware.panel;

import java.nio.file.Files;
import java.nio.file.Path;

import org.onetrip.hardware.panel.GpioPanel.Provider;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalOutputProvider;

/**
 * Builds the Pi4J context explicitly, with exactly the digital I/O providers asked for and no auto-detection:
 * a mock provider on the class path can never silently replace real pins.
 */
public final class PanelContexts {
    private PanelContexts() {
    }

    /** A context on the real GPIO chip ({@code gpiochip0} on a Pi 4 and, with current kernels, a Pi 5). */
    public static Context hardware(Provider provider, String chip) {
        var builder = Pi4J.newContextBuilder().noAutoDetect().setGpioChipName(chip);
        return switch (provider) {
            case GPIOD -> builder.add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance())
                    .build();
            case LINUXFS -> builder.add(LinuxFsDigitalInputProvider.newInstance(),
                    LinuxFsDigitalOutputProvider.newInstance()).build();
        };
    }

    /** True when this machine has the GPIO character device {@code chip} (e.g. /dev/gpiochip0). */
    public static boolean hasGpio(String chip) {
        return Files.exists(Path.of("/dev", chip));
    }
}
