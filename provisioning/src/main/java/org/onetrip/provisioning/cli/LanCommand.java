package org.onetrip.provisioning.cli;

import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.onetrip.provisioning.config.ConfigurationException;
import org.onetrip.provisioning.config.LanCertificate;
import org.onetrip.provisioning.config.LanSettings;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.provisioning.config.TerminalFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lan}: switches LAN mode on (HTTPS for the staff's tablet, to an allow-list of client addresses) or off, in
 * {@code terminal.properties}; makes the self-signed certificate for the terminal's LAN address when there is none
 * (or with {@code --new-certificate}) and prints its fingerprint. The kiosk reads it at its next start.
 */
@Command(name = "lan", mixinStandardHelpOptions = true,
        description = "LAN mode: serve the kiosk UI over HTTPS to the staff's tablet (allow-listed addresses only),"
                + " or switch it off with --off. Takes effect at the next start of onetrip.service.")
public final class LanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDir dataDir;

    @Option(names = "--allow", split = ",", description = "client addresses or CIDR blocks, e.g. 192.168.1.0/24")
    List<String> allow;

    @Option(names = "--address", split = ",",
            description = "this terminal's LAN address(es), as the tablet will type them (in the certificate)")
    List<String> addresses;

    @Option(names = "--port", defaultValue = "" + LanSettings.DEFAULT_PORT, description = "default ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--new-certificate", description = "replace an existing certificate (the tablet must trust the"
            + " new one)")
    boolean newCertificate;

    @Option(names = "--off", description = "switch LAN mode off (the certificate stays)")
    boolean off;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        TerminalFiles files = dataDir.files();
        try {
            TerminalConfig config = files.readConfig();
            Properties p = TerminalFiles.readProperties(files.terminalProperties()).orElseThrow();
            if (off) {
                p.setProperty(LanSettings.ENABLED, "false");
                TerminalFiles.writeProperties(files.terminalProperties(), p, "OneTrip terminal configuration");
                out.println("LAN mode off: the kiosk serves 127.0.0.1 only from its next start"
                        + " (sudo systemctl restart onetrip)");
                out.flush();
                return 0;
            }
            if (allow == null || allow.isEmpty()) {
                err.println("lan: --allow is required: the staff devices' addresses, e.g. --allow 192.168.1.0/24");
                return 2;
            }
            String fingerprint;
            if (newCertificate || !Files.isRegularFile(files.lanKeystore())) {
                if (addresses == null || addresses.isEmpty()) {
                    err.println("lan: --address is required for the certificate: this terminal's LAN address, e.g."
                            + " --address 192.168.1.20 ('ip -4 addr' shows it)");
                    return 2;
                }
                fingerprint = LanCertificate.create(files, "OneTrip " + config.terminalId(), addresses);
            } else {
                fingerprint = LanCertificate.fingerprint(files.lanKeystore(),
                        Files.readString(files.lanKeystorePassword()).strip());
            }
            p.setProperty(LanSettings.ENABLED, "true");
            p.setProperty(LanSettings.ALLOW, String.join(",", allow));
            p.setProperty(LanSettings.PORT, Integer.toString(port));
            LanSettings settings = LanSettings.fromProperties(p, files).orElseThrow();
            TerminalFiles.writeProperties(files.terminalProperties(), p, "OneTrip terminal configuration");
            String where = addresses == null || addresses.isEmpty() ? "THIS-TERMINAL" : addresses.getFirst();
            out.println("LAN mode on from the next start (sudo systemctl restart onetrip): https://" + where + ":"
                    + settings.port() + "/ for " + String.join(", ", settings.allow()));
            out.println("certificate SHA-256 " + fingerprint);
            out.println("on the tablet: open the address, check this fingerprint in the certificate details, trust it");
            out.flush();
            return 0;
        } catch (ConfigurationException | java.io.IOException | java.io.UncheckedIOException e) {
            err.println("lan: " + e.getMessage());
            return 1;
        }
    }
}
