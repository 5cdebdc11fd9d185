package org.onetrip.kiosk.journey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, the accessibility engine, injected into the page under test. The npm package (pinned) is installed
 * into {@code target/axe} with {@code npm install --prefix} the first time it is missing.
 */
public final class Axe {
    /** Pinned: a newer axe may add rules, which is a change to review, not a surprise in CI. */
    static final String VERSION = "4.10.2";
    static final Path HOME = Path.of("target", "axe");
    static final Path SCRIPT = HOME.resolve("node_modules/axe-core/axe.min.js");

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /** The engine, installing it first when {@code target/axe} does not have it yet. */
    public static Axe load() throws IOException, InterruptedException {
        if (!Files.exists(SCRIPT) || !Files.readString(HOME.resolve("node_modules/axe-core/package.json"))
                .contains("\"version\": \"" + VERSION + "\"")) {
            Files.createDirectories(HOME);
            Process npm = new ProcessBuilder("npm", "install", "--prefix", HOME.toString(), "--no-audit", "--no-fund",
                    "--no-save", "axe-core@" + VERSION).redirectErrorStream(true)
                    .redirectOutput(HOME.resolve("npm-install.log").toFile()).start();
            if (!npm.waitFor(3, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(SCRIPT)) {
                throw new IllegalStateException("axe-core " + VERSION + " could not be installed with npm; see "
                        + HOME.resolve("npm-install.log").toAbsolutePath());
            }
        }
        return new Axe(Files.readString(SCRIPT));
    }

    /** One rule the page breaks, with where. */
    public record Violation(String rule, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + ") at " + targets;
        }
    }

    /** The serious and critical violations of WCAG 2.1 A/AA rules on the page as it is now. */
    @SuppressWarnings("unchecked")
    public List<Violation> seriousViolations(JavascriptExecutor page) {
        page.executeScript("if (!window.axe) { " + source + "\n}");
        Object raw = page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                                    resultTypes: ['violations'] })
                   .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                        targets: v.nodes.map(n => JSON.stringify(n.target)) }))))
                   .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: [] }]));
                """);
        List<Violation> found = new ArrayList<>();
        for (Object o : (List<Object>) raw) {
            Map<String, Object> v = (Map<String, Object>) o;
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                found.add(new Violation(String.valueOf(v.get("id")), impact, String.valueOf(v.get("help")),
                        (List<String>) v.get("targets")));
            }
        }
        return found;
    }
}
