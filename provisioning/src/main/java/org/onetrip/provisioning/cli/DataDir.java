package org.onetrip.provisioning.cli;

import java.nio.file.Path;

import org.onetrip.provisioning.config.TerminalFiles;

import picocli.CommandLine.Option;

/** The {@code --data-dir} option every terminal-side command shares. */
final class DataDir {
    static final String DEFAULT = "/var/lib/onetrip";

    @Option(names = "--data-dir", defaultValue = "${env:ONETRIP_DATA_DIR:-" + DEFAULT + "}",
            description = "the terminal's data directory (default: $ONETRIP_DATA_DIR or " + DEFAULT + ")")
    Path dir;

    TerminalFiles files() {
        return new TerminalFiles(dir);
    }
}
