package org.onetrip.provisioning.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.Callable;

import org.onetrip.store.catalog.Catalog;
import org.onetrip.store.catalog.CatalogBundle;
import org.onetrip.store.catalog.CatalogException;
import org.onetrip.store.catalog.RegionCode;
import org.onetrip.store.region.CoverageReport;
import org.onetrip.store.region.DivisionFiles;
import org.onetrip.store.region.Divisions;
import org.onetrip.store.region.RegionException;
import org.onetrip.store.uplink.CryptoException;
import org.onetrip.store.uplink.Sm2;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coverage}: the five-level coverage report of a terminal at {@code --region}, from a signed catalog
 * bundle verified first, as CSV or JSON.
 */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Five-level coverage of a terminal's chain: items offered per level, share with at most one"
                + " visit, with none, and that a terminal can take.")
public final class CoverageCommand implements Callable<Integer> {
    enum Format { csv, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--region", required = true, description = "the terminal's 12-digit division code")
    String region;

    @Option(names = "--bundle", description = "a signed catalog bundle (catalog.json with catalog.json.sig beside"
            + " it, or an envelope); default: the shipped demo bundle of the region's county")
    Path bundle;

    @Option(names = "--authority", description = "PEM public key of the issuing authority to trust;"
            + " default: the DEMO authority")
    Path authority;

    @Option(names = "--divisions", description = "a directory of division CSV files; default: the shipped ones")
    Path divisionsDir;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--output", description = "write to this file instead of standard output")
    Path output;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        try {
            Divisions divisions = divisionsDir == null ? DivisionFiles.shipped() : DivisionFiles.read(divisionsDir);
            List<String> problems = divisions.problems(region);
            if (!problems.isEmpty()) {
                err.println("coverage: --region " + region + ": " + String.join("; ", problems));
                return 1;
            }
            RegionCode at = RegionCode.of(region.strip());
            Catalog catalog = bundle().verify(trustedKey());
            CoverageReport report = CoverageReport.of(catalog, at, divisions);
            String text = format == Format.json ? report.toJson() + "\n" : report.toCsv();
            if (output == null) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            }
            return 0;
        } catch (CatalogException | RegionException | CryptoException e) {
            err.println("coverage: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("coverage: --output " + output + ": cannot be written: " + e.getMessage());
            return 1;
        }
    }

    private CatalogBundle bundle() {
        if (bundle != null) {
            return CatalogBundle.read(bundle);
        }
        String name = "catalog-" + region.strip().substring(0, 6);
        if (!CatalogBundle.hasResource(name)) {
            throw new CatalogException("no catalog shipped for county " + region.strip().substring(0, 6)
                    + "; give one with --bundle FILE");
        }
        return CatalogBundle.resource(name);
    }

    private PublicKey trustedKey() throws IOException {
        if (authority == null) {
            spec.commandLine().getErr().println("coverage: trusting the DEMO issuing authority (give --authority"
                    + " PEM for a real one)");
            return CatalogBundle.demoAuthority();
        }
        return Sm2.parsePublicKey(Files.readString(authority, StandardCharsets.US_ASCII));
    }
}
