package org.onetrip.provisioning.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status}: enrolment, configuration, last bundle and queue counts, as text or JSON; exit 1 if not enrolled. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "This terminal's enrolment, configuration, last applied bundle and upload queue.")
public final class StatusCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    DataDir dataDir;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})")
    Format format;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        Map<String, Object> facts = TerminalFacts.of(dataDir.files());
        if (format == Format.json) {
            out.println(Json.MAPPER.writeValueAsString(facts));
        } else {
            print(out, facts, "");
        }
        out.flush();
        if (!Boolean.TRUE.equals(facts.get("enrolled"))) {
            spec.commandLine().getErr().println("status: not enrolled: run 'onetrip-provision enroll'");
            return 1;
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    static void print(java.io.PrintWriter out, Map<String, Object> m, String indent) {
        m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> sub) {
                out.println(indent + k + ":");
                print(out, (Map<String, Object>) sub, indent + "  ");
            } else {
                out.println(indent + k + ": " + v);
            }
        });
    }
}
