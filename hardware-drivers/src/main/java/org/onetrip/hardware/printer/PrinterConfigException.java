package org.onetrip.hardware.printer;

import java.util.List;

/** The printer settings are wrong; the message names every wrong setting and its fix. */
public class PrinterConfigException extends RuntimeException {

    private final List<String> problems;

    public PrinterConfigException(List<String> problems) {
        super("printer configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
