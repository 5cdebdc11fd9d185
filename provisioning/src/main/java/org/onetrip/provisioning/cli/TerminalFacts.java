package org.onetrip.provisioning.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.onetrip.provisioning.config.LanCertificate;
import org.onetrip.provisioning.config.LanSettings;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.uplink.Sm2;

/**
 * What {@code status} and {@code diag} report about a terminal, read from its files without starting anything:
 * never a private key, PIN digest or resident data (the queue is counted, not read).
 */
final class TerminalFacts {
    static final String QUEUE_SQL = """
            SELECT state, COUNT(*) FROM outbox GROUP BY state
            """;
    static final String FEEDBACK_SQL = """
            SELECT COUNT(*) FROM feedback_outbox
            """;

    private TerminalFacts() {
    }

    /** LAN mode: off, or its port, allow-list and certificate fingerprint; or why the start would refuse it. */
    private static Object lanMode(TerminalFiles files) {
        try {
            return LanSettings.fromProperties(TerminalFiles.readProperties(files.terminalProperties()).orElseThrow(),
                    files).<Object>map(lan -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("port", lan.port());
                        m.put("allow", String.join(",", lan.allow()));
                        m.put("certificateSha256", LanCertificate.fingerprint(lan.keystore(), lan.keystorePassword()));
                        return m;
                    }).orElse("off");
        } catch (RuntimeException e) {
            return "refused at start: " + e.getMessage();
        }
    }

    static Map<String, Object> of(TerminalFiles files) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataDir", files.dataDir().toString());
        m.put("enrolled", files.enrolled());
        if (Files.isRegularFile(files.terminalProperties())) {
            try {
                TerminalConfig c = files.readConfig();
                Properties p = TerminalFiles.toProperties(c);
                Map<String, Object> config = new LinkedHashMap<>();
                p.stringPropertyNames().stream().sorted().forEach(k -> config.put(k, p.getProperty(k)));
                m.put("configuration", config);
            } catch (RuntimeException e) {
                m.put("configurationProblem", e.getMessage());
            }
            m.put("lanMode", lanMode(files));
        }
        try {
            var pub = files.keys().resolve("terminal-key.pub.pem");
            if (Files.isRegularFile(pub)) {
                m.put("publicKeySm3", Sm2.sm3Hex(Files.readString(pub, StandardCharsets.US_ASCII)
                        .getBytes(StandardCharsets.US_ASCII)));
            }
        } catch (java.io.IOException e) {
            m.put("publicKeyProblem", e.getMessage());
        }
        m.put("countyKeyTrusted", Files.isRegularFile(files.countyKey()));
        TerminalFiles.readProperties(files.applied()).ifPresent(p -> {
            Map<String, Object> a = new LinkedHashMap<>();
            p.stringPropertyNames().stream().sorted().forEach(k -> a.put(k, p.getProperty(k)));
            m.put("lastBundle", a);
        });
        m.put("queue", queue(files));
        return m;
    }

    /** Counts of the upload queue by state, from the offline store opened read-only; empty when there is none. */
    static Map<String, Object> queue(TerminalFiles files) {
        Map<String, Object> q = new LinkedHashMap<>();
        if (!Files.isRegularFile(files.database())) {
            q.put("database", "none yet (the app has not run)");
            return q;
        }
        String url = "jdbc:sqlite:file:" + files.database().toAbsolutePath() + "?mode=ro";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            q.put("PENDING", 0);
            q.put("QUARANTINED", 0);
            try (ResultSet rs = s.executeQuery(QUEUE_SQL)) {
                while (rs.next()) {
                    q.put(rs.getString(1), rs.getInt(2));
                }
            }
            try (ResultSet rs = s.executeQuery(FEEDBACK_SQL)) {
                q.put("feedbackPending", rs.next() ? rs.getInt(1) : 0);
            }
        } catch (SQLException e) {
            q.put("problem", "cannot read the queue: " + e.getMessage());
        }
        return q;
    }
}
