package org.onetrip.provisioning.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.onetrip.provisioning.bundle.BundleException;
import org.onetrip.provisioning.bundle.ProvisioningBundle;
import org.onetrip.provisioning.config.ConfigurationException;
import org.onetrip.provisioning.config.CountyTerminals;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.catalog.CatalogBundle;
import org.onetrip.store.catalog.CatalogException;
import org.onetrip.store.staff.PinHash;
import org.onetrip.store.staff.Roster;
import org.onetrip.store.uplink.CryptoException;
import org.onetrip.store.uplink.Sm2;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bundle}: the county administrator's side of {@code apply}: signs a provisioning bundle for one terminal
 * from its configuration file, a signed catalog, a staff roster and the keys to trust.
 */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "County side: sign a provisioning bundle for one terminal (configuration, catalog, staff"
                + " roster, trusted keys).")
public final class BundleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ProvisionCli parent;

    @Option(names = "--key", required = true, description = "PEM private key of the county administrator")
    Path key;

    @Option(names = "--config", required = true, description = "the terminal's terminal.properties")
    Path config;

    @Option(names = "--catalog", required = true, description = "a signed catalog bundle (envelope, or catalog.json"
            + " with catalog.json.sig beside it)")
    Path catalog;

    @Option(names = "--catalog-authority", required = true, description = "PEM public key of the catalog authority")
    Path catalogAuthority;

    @Option(names = "--staff", description = "the staff roster (JSON array); default: empty")
    Path staff;

    @Option(names = "--staff-csv", description = "the staff list as name,card,role,pin CSV, hashed on the way in"
            + " (instead of --staff; see 'roster')")
    Path staffCsv;

    @Option(names = "--trust", description = "more keys to trust, NAME=PEM-FILE (e.g. county=new-county.pub.pem)")
    Map<String, Path> trust = new LinkedHashMap<>();

    @Option(names = "--county-terminals", paramLabel = "DIR", description = "the county terminals' public keys,"
            + " one <terminal id>.pub.pem each (from their enrolment requests), for the USB courier; replaces the"
            + " terminal's list; default: the list is left as installed")
    Path countyTerminals;

    @Option(names = "--valid", defaultValue = "P30D", description = "how long it may be applied (default"
            + " ${DEFAULT-VALUE})")
    Duration valid;

    @Option(names = "--output", required = true, description = "where to write the bundle")
    Path output;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        try {
            var terminal = TerminalFiles.readConfig(config);
            var authorityPem = Files.readString(catalogAuthority, StandardCharsets.US_ASCII);
            CatalogBundle catalogBundle = CatalogBundle.read(catalog);
            catalogBundle.verify(Sm2.parsePublicKey(authorityPem));
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("catalog-authority", authorityPem);
            for (var e : trust.entrySet()) {
                keys.put(e.getKey(), Files.readString(e.getValue(), StandardCharsets.US_ASCII));
            }
            String roster = staffCsv != null ? RosterCommand.hashed(staffCsv, PinHash.DEFAULT_ITERATIONS)
                    : staff == null ? "[]" : Files.readString(staff, StandardCharsets.UTF_8);
            Roster.parse(roster);
            Map<String, String> terminals = countyTerminals == null ? Map.of()
                    : CountyTerminals.readPems(countyTerminals);
            if (countyTerminals != null && terminals.isEmpty()) {
                err.println("bundle: --county-terminals " + countyTerminals + " holds no <terminal id>"
                        + CountyTerminals.SUFFIX + " file");
                return 1;
            }
            Instant now = parent.clock.instant();
            var contents = new ProvisioningBundle.Contents(UUID.randomUUID().toString(), terminal.terminalId(), now,
                    now.plus(valid), terminal, catalogBundle.toEnvelope(), roster, keys, terminals);
            var signed = ProvisioningBundle.sign(contents,
                    Sm2.parsePrivateKey(Files.readString(key, StandardCharsets.US_ASCII)));
            Files.write(output, signed.toEnvelope());
            spec.commandLine().getOut().println("bundle " + contents.bundleId() + " for terminal "
                    + terminal.terminalId() + (terminals.isEmpty() ? "" : " (county terminals: "
                    + String.join(", ", terminals.keySet()) + ")") + " written to " + output + " (file SM3 " + Sm2.sm3Hex(output) + ")");
            spec.commandLine().getOut().flush();
            return 0;
        } catch (BundleException | ConfigurationException | CatalogException | CryptoException e) {
            err.println("bundle: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("bundle: " + e.getMessage());
            return 1;
        }
    }
}
