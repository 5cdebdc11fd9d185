package org.onetrip.kiosk.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.onetrip.kiosk.ui.KioskLayout;
import org.onetrip.store.catalog.RegionCode;
import org.onetrip.store.region.CoverageReport;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;

/** 五级覆盖: per level of a terminal's chain, items offered and the shares the reform measures. For staff. */
@Route(value = "coverage", layout = KioskLayout.class)
public class CoverageView extends VerticalLayout {
    private final CoverageService coverage;
    private final TextField region = new TextField();
    private final Grid<CoverageReport.Row> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();

    public CoverageView(CoverageService coverage) {
        this.coverage = coverage;
        addClassName("screen");
        addClassName("coverage");
        region.setLabel(getTranslation("coverage.region"));
        region.setId("coverage-region");
        region.setValue(coverage.terminalRegion().code());
        region.setAllowedCharPattern("[0-9]");
        region.setMaxLength(12);
        Button show = new Button(getTranslation("coverage.show"), e -> show());
        show.setId("coverage-show");
        grid.addColumn(r -> r.level() == null ? getTranslation("coverage.total")
                : getTranslation("coverage.level." + r.level().name())).setHeader(getTranslation("coverage.level")).setAutoWidth(true);
        grid.addColumn(CoverageReport.Row::name).setHeader(getTranslation("coverage.name")).setAutoWidth(true);
        grid.addColumn(CoverageReport.Row::offered).setHeader(getTranslation("coverage.offered"));
        grid.addColumn(r -> percent(r.shareAtMostOneVisit())).setHeader(getTranslation("coverage.one-visit"));
        grid.addColumn(r -> percent(r.shareNoVisit())).setHeader(getTranslation("coverage.no-visit"));
        grid.addColumn(r -> percent(r.shareAtTerminal())).setHeader(getTranslation("coverage.terminal"));
        grid.setAllRowsVisible(true);
        grid.setId("coverage-grid");
        summary.setId("coverage-summary");
        HorizontalLayout form = new HorizontalLayout(region, show);
        form.setDefaultVerticalComponentAlignment(Alignment.END);
        add(new H1(getTranslation("coverage.title")), form, summary, grid);
        show();
    }

    private void show() {
        List<String> problems = coverage.problems(region.getValue());
        region.setInvalid(!problems.isEmpty());
        region.setErrorMessage(problems.isEmpty() ? null : String.join("；", problems));
        if (!problems.isEmpty()) {
            return;
        }
        CoverageReport report = coverage.report(RegionCode.of(region.getValue().strip()));
        List<CoverageReport.Row> rows = new ArrayList<>(report.levels());
        rows.add(report.total());
        grid.setItems(rows);
        summary.setText(getTranslation("coverage.summary", report.total().name(), report.catalogVersion(),
                report.total().offered()));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
