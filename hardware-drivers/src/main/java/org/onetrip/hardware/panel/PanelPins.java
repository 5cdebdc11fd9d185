package org.onetrip.hardware.panel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * BCM line numbers of the panel's parts on the GPIO chip; any may be absent. Wiring (docs/hardware.md): LEDs and
 * buzzer active-high (through a transistor for the buzzer); help button to ground (pull-up, pressed = low);
 * tamper switch normally closed to ground (pull-up, door open = high); presence sensor output active-high.
 */
public record PanelPins(OptionalInt statusLed, OptionalInt faultLed, OptionalInt buzzer, OptionalInt helpButton,
                        OptionalInt tamperSwitch, OptionalInt presenceSensor, int debounceMillis) {
    public static PanelPins none() {
        OptionalInt e = OptionalInt.empty();
        return new PanelPins(e, e, e, e, e, e, 30);
    }

    public boolean isEmpty() {
        return byName().isEmpty();
    }

    /** Configured pins by setting name ({@code status-led} → 17), in a fixed order. */
    public Map<String, Integer> byName() {
        Map<String, Integer> m = new LinkedHashMap<>();
        statusLed.ifPresent(p -> m.put("status-led", p));
        faultLed.ifPresent(p -> m.put("fault-led", p));
        buzzer.ifPresent(p -> m.put("buzzer", p));
        helpButton.ifPresent(p -> m.put("help-button", p));
        tamperSwitch.ifPresent(p -> m.put("tamper-switch", p));
        presenceSensor.ifPresent(p -> m.put("presence-sensor", p));
        return m;
    }
}
