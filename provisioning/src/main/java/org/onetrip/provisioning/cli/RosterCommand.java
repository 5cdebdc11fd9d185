package org.onetrip.provisioning.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

import org.onetrip.store.staff.PinHash;
import org.onetrip.store.staff.Roster;
import org.onetrip.store.staff.RosterException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code roster}: the county administrator turns a staff list with PINs ({@code name,card,role,pin} CSV) into the
 * roster JSON a bundle carries ({@code bundle --staff}); PINs leave only as salted PBKDF2 hashes (technicians' as
 * the salted SM3 technician mode reads). {@code bundle --staff-csv} does the same on the way into a bundle.
 */
@Command(name = "roster", mixinStandardHelpOptions = true,
        description = "County side: turn a staff CSV (name,card,role,pin; role agent|supervisor|technician) into the"
                + " roster JSON with PIN hashes, for 'bundle --staff'.")
public final class RosterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--csv", required = true, description = "the staff list: name,card,role,pin per line (UTF-8)")
    Path csv;

    @Option(names = "--output", required = true, description = "where to write the roster JSON")
    Path output;

    @Option(names = "--iterations", defaultValue = "" + PinHash.DEFAULT_ITERATIONS,
            description = "PBKDF2 iterations (at least " + PinHash.MIN_ITERATIONS + "; default ${DEFAULT-VALUE})")
    int iterations;

    @Override
    public Integer call() {
        try {
            String json = hashed(csv, iterations);
            Files.writeString(output, json, StandardCharsets.UTF_8);
            int count = Roster.parse(json).members().size();
            spec.commandLine().getOut().println("roster of " + count + " agency staff written to " + output
                    + " (PINs as PBKDF2-HMAC-SHA256, " + iterations + " iterations); delete the CSV now");
            spec.commandLine().getOut().flush();
            return 0;
        } catch (RosterException | IllegalArgumentException | IOException e) {
            spec.commandLine().getErr().println("roster: " + e.getMessage());
            return 1;
        }
    }

    /** The roster JSON of the CSV file {@code csv}. */
    static String hashed(Path csv, int iterations) throws IOException {
        if (iterations < PinHash.MIN_ITERATIONS) {
            throw new IllegalArgumentException("--iterations must be at least " + PinHash.MIN_ITERATIONS);
        }
        try (var in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return Roster.toJson(Roster.readCsv(in), iterations, new SecureRandom());
        }
    }
}
