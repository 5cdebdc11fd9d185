package org.onetrip.provisioning.cli;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.audit.AuditVerdict;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code verify}: walks the hash-chained audit log of the offline store (opened read-only, so it can run beside
 * the app) and names the first entry that was altered or removed. Exit 0 when the chain holds, 1 when it does
 * not, 2 when there is no store to read.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the audit log's hash chain; name the first entry that was altered or removed.")
public final class VerifyCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    DataDir dataDir;

    @Option(names = "--anchor", description = "SEQ:HASH of an entry recorded elsewhere (the platform keeps the head"
            + " each heartbeat sends); entries cut from the end of the log are found only against one")
    String anchor;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})")
    Format format;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        var database = dataDir.files().database();
        if (!Files.isRegularFile(database)) {
            err.println("verify: no offline store at " + database + " (the app has not run here, or --data-dir is wrong)");
            return 2;
        }
        AuditVerdict verdict;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + database.toAbsolutePath() + "?mode=ro")) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            verdict = anchor == null ? audit.verify(c) : audit.verify(c, AuditLog.Anchor.parse(anchor));
        } catch (IllegalArgumentException e) {
            err.println("verify: --anchor " + anchor + ": " + e.getMessage());
            return 2;
        } catch (SQLException e) {
            err.println("verify: cannot read the audit log in " + database + ": " + e.getMessage());
            return 2;
        }
        if (format == Format.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("entries", verdict.entries());
            m.put("holds", verdict.holds());
            verdict.problem().ifPresent(p -> {
                m.put("firstBrokenSeq", p.seq());
                m.put("kind", p.kind().name());
                m.put("problem", p.text());
            });
            out.println(Json.MAPPER.writeValueAsString(m));
        } else if (verdict.holds()) {
            out.println("audit log: " + verdict.entries() + " entries, the chain holds"
                    + (anchor == null ? "" : " and still has entry " + anchor));
        } else {
            out.println("audit log: BROKEN: " + verdict.problem().orElseThrow().text());
        }
        out.flush();
        return verdict.holds() ? 0 : 1;
    }
}
