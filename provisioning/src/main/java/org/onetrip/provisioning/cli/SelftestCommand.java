package org.onetrip.provisioning.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.onetrip.provisioning.selftest.Check;
import org.onetrip.provisioning.selftest.SelfTest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code selftest}: every check, as text or JSON; exit 0 when nothing failed, 1 otherwise. */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = "Self-test: configuration, key, disk, clock, uplink and signature, reader, printer (paper,"
                + " test page), scanner read, panel LEDs and buzzer.")
public final class SelftestCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @ParentCommand
    ProvisionCli parent;

    @Mixin
    DataDir dataDir;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--no-uplink", description = "skip the uplink check (no network yet)")
    boolean noUplink;

    @Option(names = "--test-page", description = "print a test page")
    boolean testPage;

    @Option(names = "--scan-seconds", defaultValue = "0", description = "wait this long for a scanned code")
    int scanSeconds;

    @Option(names = "--panel", description = "show each panel light and sound the buzzer")
    boolean panel;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        List<Check> checks = new SelfTest(dataDir.files(), parent.clock)
                .run(new SelfTest.Options(!noUplink, testPage, scanSeconds, panel));
        boolean passed = SelfTest.passed(checks);
        if (format == Format.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("passed", passed);
            m.put("checks", checks);
            out.println(Json.MAPPER.writeValueAsString(m));
        } else {
            for (Check c : checks) {
                out.printf("%-5s %-22s %s%s%n", c.outcome(), c.name(), c.detail(),
                        c.fix().isEmpty() ? "" : "  → " + c.fix());
            }
            out.println(passed ? "self-test passed" : "self-test FAILED");
        }
        out.flush();
        return passed ? 0 : 1;
    }
}
