package org.onetrip.provisioning.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.onetrip.provisioning.config.ConfigurationException;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.catalog.RegionCode;
import org.onetrip.store.region.DivisionFiles;
import org.onetrip.store.region.Divisions;
import org.onetrip.store.region.RegionException;
import org.onetrip.store.uplink.CryptoException;
import org.onetrip.store.uplink.Sm2;
import org.onetrip.store.uplink.TerminalIdentity;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code enroll}: validates the region against the division files, creates the terminal's SM2 key pair (kept if
 * there is one), writes {@code config/terminal.properties}, trusts the county administrator's key, and prints the
 * enrolment request (terminal id, public key) for the county, also kept as {@code enrolment-request.json}.
 */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = "Enrol this terminal: region, site, uplink; creates its SM2 key pair and prints the enrolment"
                + " request for the county.")
public final class EnrollCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDir dataDir;

    @Option(names = "--region", required = true, description = "the site's 12-digit division code")
    String region;

    @Option(names = "--site-name", required = true, description = "the name residents know the site by")
    String siteName;

    @Option(names = "--site-type", required = true, description = "kiosk, village-point or township-hall")
    String siteType;

    @Option(names = "--uplink", required = true, description = "the platform's Intake API base URL (https://…)")
    URI uplink;

    @Option(names = "--county-key", description = "PEM public key of the county administrator, who signs bundles"
            + " and technician QRs")
    Path countyKey;

    @Option(names = "--terminal-id", description = "default: ot-<region>-<6 hex of the public key's SM3>")
    String terminalId;

    @Option(names = "--divisions", description = "a directory of division CSV files; default: the shipped ones")
    Path divisionsDir;

    @Option(names = "--force", description = "enrol again over an existing enrolment (the key pair is kept)")
    boolean force;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        TerminalFiles files = dataDir.files();
        try {
            Divisions divisions = divisionsDir == null ? DivisionFiles.shipped() : DivisionFiles.read(divisionsDir);
            List<String> problems = divisions.problems(region.strip());
            if (!problems.isEmpty()) {
                err.println("enroll: --region " + region + ": " + String.join("; ", problems)
                        + " (nothing was written)");
                return 1;
            }
            TerminalConfig.SiteType type = TerminalFiles.siteType(siteType);
            if (files.enrolled() && !force) {
                err.println("enroll: " + files.dataDir() + " is already enrolled as "
                        + files.readConfig().terminalId() + "; give --force to enrol again (the key pair is kept)");
                return 1;
            }
            var county = countyKey == null ? null : Files.readString(countyKey, StandardCharsets.US_ASCII);
            if (county != null) {
                Sm2.parsePublicKey(county);
            }
            RegionCode code = RegionCode.of(region.strip());
            // every setting checked before anything is written
            new TerminalConfig(terminalId != null ? terminalId : "ot-check", siteName.strip(), type, code, uplink,
                    Duration.ofSeconds(60)).validate();
            // the key pair first: the default terminal id is derived from it
            TerminalIdentity identity = TerminalIdentity.loadOrCreate("pending", files.keys());
            String id = terminalId != null ? terminalId
                    : "ot-" + code + "-" + Sm2.sm3Hex(identity.publicKeyPem().getBytes(StandardCharsets.US_ASCII))
                    .substring(0, 6);
            TerminalConfig config = new TerminalConfig(id, siteName.strip(), type, code, uplink,
                    Duration.ofSeconds(60)).validate();
            TerminalFiles.writeProperties(files.terminalProperties(), TerminalFiles.toProperties(config),
                    "OneTrip terminal configuration (onetrip-provision enroll)");
            if (county != null) {
                Files.createDirectories(files.trusted());
                Path tmp = files.countyKey().resolveSibling(TerminalFiles.COUNTY_KEY + ".tmp");
                Files.writeString(tmp, county, StandardCharsets.US_ASCII);
                Files.move(tmp, files.countyKey(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            ObjectNode request = Json.MAPPER.createObjectNode();
            request.put("format", "onetrip-enrolment-request/1");
            request.put("terminalId", id);
            request.put("region", code.toString());
            request.put("regionName", divisions.nameOf(code));
            request.put("siteName", config.siteName());
            request.put("siteType", TerminalFiles.toProperties(config).getProperty("site.type"));
            request.put("uplink", uplink.toString());
            request.put("publicKey", identity.publicKeyPem());
            request.put("publicKeySm3", Sm2.sm3Hex(identity.publicKeyPem().getBytes(StandardCharsets.US_ASCII)));
            String text = Json.MAPPER.writeValueAsString(request);
            Files.writeString(files.dataDir().resolve("enrolment-request.json"), text + "\n", StandardCharsets.UTF_8);
            spec.commandLine().getOut().println(text);
            spec.commandLine().getOut().flush();
            err.println("enroll: terminal " + id + " enrolled; send the request above (also in "
                    + files.dataDir().resolve("enrolment-request.json") + ") to the county"
                    + (county == null ? "; no --county-key given: 'apply' will refuse bundles until it is" : ""));
            return 0;
        } catch (ConfigurationException | RegionException | CryptoException | IllegalArgumentException e) {
            err.println("enroll: " + e.getMessage() + " (nothing was written)");
            return 1;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("enroll: " + e.getMessage());
            return 1;
        }
    }
}
