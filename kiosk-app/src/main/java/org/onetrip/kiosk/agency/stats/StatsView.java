package org.onetrip.kiosk.agency.stats;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import org.onetrip.kiosk.agency.StaffRole;
import org.onetrip.kiosk.agency.StaffSession;
import org.onetrip.kiosk.agency.ledger.LedgerService;
import org.onetrip.kiosk.agency.AgencyLayout;
import org.onetrip.store.ledger.CaseStatistics;
import org.onetrip.store.ledger.PeriodStats;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/** 统计 (supervisors), newest period first: per day or month, cases by item, one-trip share, days to finish, ratings; and CSV. */
@Route(value = "agency/stats", layout = AgencyLayout.class)
public class StatsView extends VerticalLayout implements BeforeEnterObserver {
    private final StatsService stats;
    private final Select<CaseStatistics.Granularity> granularity = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<PeriodStats> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private List<PeriodStats> shown = List.of();

    public StatsView(StatsService stats) {
        this.stats = stats;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        StaffSession.require(event, StaffRole.SUPERVISOR).ifPresent(staff -> render());
    }

    private void render() {
        addClassNames("screen", "agency", "stats");
        java.util.Locale locale = getLocale();
        ResourceBundle t = LedgerService.words(locale);
        granularity.setLabel(getTranslation("stats.granularity"));
        granularity.setId("stats-granularity");
        granularity.setItems(CaseStatistics.Granularity.values());
        granularity.setItemLabelGenerator(g -> getTranslation("stats.granularity." + g.name()));
        granularity.setValue(CaseStatistics.Granularity.DAY);
        from.setLabel(getTranslation("ledger.filter.from"));
        from.setId("stats-from");
        from.setValue(stats.today().minusDays(13));
        to.setLabel(getTranslation("ledger.filter.to"));
        to.setId("stats-to");
        to.setValue(stats.today());
        Button show = new Button(getTranslation("stats.show"), e -> refresh());
        show.setId("stats-show");
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] bytes = stats.csv(shown, locale);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "statistics-" + stats.today() + ".csv",
                    "text/csv; charset=UTF-8", bytes.length);
        }), getTranslation("stats.csv"));
        csv.setId("stats-csv");
        HorizontalLayout form = new HorizontalLayout(granularity, from, to, show, csv);
        form.setDefaultVerticalComponentAlignment(Alignment.END);
        form.setWrap(true);

        grid.setId("stats-grid");
        grid.addColumn(PeriodStats::period).setHeader(getTranslation("stats.col.period")).setAutoWidth(true);
        grid.addColumn(PeriodStats::cases).setHeader(getTranslation("stats.col.cases")).setAutoWidth(true);
        grid.addColumn(StatsService::share).setHeader(getTranslation("stats.col.one-trip-share")).setAutoWidth(true);
        grid.addColumn(PeriodStats::finished).setHeader(getTranslation("stats.col.finished")).setAutoWidth(true);
        grid.addColumn(StatsService::averageDays).setHeader(getTranslation("stats.col.avg-days")).setAutoWidth(true);
        grid.addColumn(s -> StatsService.ratings(s, t)).setHeader(getTranslation("stats.col.ratings")).setAutoWidth(true);
        grid.addColumn(StatsService::byItem).setHeader(getTranslation("stats.col.by-item")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        Paragraph definition = new Paragraph(getTranslation("stats.definition"));
        definition.setId("stats-definition");
        definition.addClassName("definition");
        summary.setId("stats-summary");
        add(new H1(getTranslation("stats.title")), form, summary, grid, definition);
        refresh();
    }

    private void refresh() {
        if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())
                || from.getValue().plusYears(3).isBefore(to.getValue())) {
            summary.setText(getTranslation("stats.bad-range"));
            return;
        }
        shown = stats.periods(granularity.getValue(), from.getValue(), to.getValue());
        Map<String, Integer> totals = StatsService.totals(shown);
        summary.setText(getTranslation("stats.summary", totals.get("cases"), totals.get("oneTrip"),
                totals.get("ratings")));
        grid.setItems(shown.reversed());
    }
}
