package org.onetrip.provisioning.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.onetrip.provisioning.bundle.BundleException;
import org.onetrip.provisioning.bundle.BundleInstaller;
import org.onetrip.provisioning.bundle.ProvisioningBundle;
import org.onetrip.provisioning.config.ConfigurationException;
import org.onetrip.store.region.DivisionFiles;
import org.onetrip.store.region.RegionException;
import org.onetrip.store.uplink.CryptoException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code apply BUNDLE}: verifies a county-signed provisioning bundle, then applies it atomically. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Verify a provisioning bundle signed by the county administrator, then apply it atomically"
                + " (configuration, catalog, staff roster, trusted keys); on failure nothing changes.")
public final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ProvisionCli parent;

    @Mixin
    DataDir dataDir;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the provisioning bundle file")
    Path bundle;

    @Option(names = "--divisions", description = "a directory of division CSV files; default: the shipped ones")
    Path divisionsDir;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        try {
            var divisions = divisionsDir == null ? DivisionFiles.shipped() : DivisionFiles.read(divisionsDir);
            var installer = new BundleInstaller(dataDir.files(), divisions, parent.clock);
            var contents = installer.apply(ProvisioningBundle.read(bundle));
            spec.commandLine().getOut().println("applied bundle " + contents.bundleId() + " to terminal "
                    + contents.terminalId() + " (" + contents.config().siteName() + ", region "
                    + contents.config().region() + "); valid until " + contents.expiresAt()
                    + "; restart the app: systemctl restart onetrip");
            spec.commandLine().getOut().flush();
            return 0;
        } catch (BundleException | ConfigurationException | RegionException | CryptoException e) {
            err.println("apply: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("apply: " + e.getMessage() + "; nothing was changed");
            return 1;
        }
    }
}
