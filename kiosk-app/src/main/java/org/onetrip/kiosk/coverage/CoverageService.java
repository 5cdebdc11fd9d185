package org.onetrip.kiosk.coverage;

import java.util.List;

import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.catalog.LiveCatalog;
import org.onetrip.store.catalog.RegionCode;
import org.onetrip.store.region.CoverageReport;
import org.onetrip.store.region.Divisions;

/** The coverage report of this terminal, or of any division a technician names (to check another site). */
public final class CoverageService {
    private final LiveCatalog catalog;
    private final Divisions divisions;
    private final TerminalConfig config;

    public CoverageService(LiveCatalog catalog, Divisions divisions, TerminalConfig config) {
        this.catalog = catalog;
        this.divisions = divisions;
        this.config = config;
    }

    public RegionCode terminalRegion() {
        return config.region();
    }

    /** What is wrong with a typed region code (empty when the report can be made). */
    public List<String> problems(String code) {
        return divisions.problems(code);
    }

    public CoverageReport report(RegionCode region) {
        return CoverageReport.of(catalog.catalog(), region, divisions);
    }
}
