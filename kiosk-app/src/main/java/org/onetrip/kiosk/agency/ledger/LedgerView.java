package org.onetrip.kiosk.agency.ledger;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.ResourceBundle;

import org.onetrip.kiosk.agency.StaffRole;
import org.onetrip.kiosk.agency.StaffSession;
import org.onetrip.kiosk.agency.AgencyLayout;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.ledger.LedgerCase;
import org.onetrip.store.ledger.LedgerFilter;
import org.onetrip.store.submission.SubmissionStatus;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
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

/** 台账: every case of this point, filtered; CSV and XLSX, the daily list on the receipt printer, a print-friendly page. */
@Route(value = "agency/ledger", layout = AgencyLayout.class)
public class LedgerView extends VerticalLayout implements BeforeEnterObserver {
    private final LedgerService ledger;
    private final TerminalConfig config;
    private final Select<SubmissionStatus> status = new Select<>();
    private final Select<String> item = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Checkbox overdueOnly = new Checkbox();
    private final Grid<LedgerCase> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Paragraph message = new Paragraph();
    private List<LedgerCase> shown = List.of();

    public LedgerView(LedgerService ledger, TerminalConfig config) {
        this.ledger = ledger;
        this.config = config;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        StaffSession.require(event, StaffRole.AGENT).ifPresent(this::render);
    }

    private void render(StaffSession staff) {
        addClassNames("screen", "agency", "ledger");
        java.util.Locale locale = getLocale();
        ResourceBundle t = LedgerService.words(locale);
        status.setLabel(getTranslation("ledger.filter.status"));
        status.setId("ledger-status");
        status.setItems(SubmissionStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("ledger.filter.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("ledger.filter.any")
                : getTranslation("status." + s.name()));
        item.setLabel(getTranslation("ledger.filter.item"));
        item.setId("ledger-item");
        item.setItems(ledger.items().keySet());
        item.setEmptySelectionAllowed(true);
        item.setEmptySelectionCaption(getTranslation("ledger.filter.any"));
        item.setItemLabelGenerator(code -> code == null ? getTranslation("ledger.filter.any")
                : ledger.items().getOrDefault(code, code));
        from.setLabel(getTranslation("ledger.filter.from"));
        from.setId("ledger-from");
        to.setLabel(getTranslation("ledger.filter.to"));
        to.setId("ledger-to");
        overdueOnly.setLabel(getTranslation("ledger.filter.overdue"));
        overdueOnly.setId("ledger-overdue");
        Button search = new Button(getTranslation("ledger.search"), e -> refresh());
        search.setId("ledger-search");
        HorizontalLayout filters = new HorizontalLayout(status, item, from, to, overdueOnly, search);
        filters.setDefaultVerticalComponentAlignment(Alignment.END);
        filters.setWrap(true);
        filters.addClassName("no-print");

        grid.setId("ledger-grid");
        // widths that fit 1280 px (and 1024) with cells wrapping; the wide columns share what is left
        column(grid.addColumn(ledger::sealedAt), "ledger.col.sealed", 5.5, 0);
        column(grid.addColumn(LedgerCase::itemName), "ledger.col.item", 4.5, 3);
        column(grid.addColumn(LedgerCase::applicantMask), "ledger.col.applicant", 6, 1);
        column(grid.addColumn(c -> getTranslation("status." + c.status().name())
                + (c.couriered() ? getTranslation("ledger.couriered") : "")), "ledger.col.status", 4.5, 1);
        column(grid.addColumn(c -> LedgerService.warning(c, t)), "ledger.col.warning", 4.5, 3);
        column(grid.addColumn(c -> c.promisedBy() == null ? "—" : c.promisedBy().toString()), "ledger.col.promised",
                5.5, 0);
        column(grid.addColumn(c -> c.daysLeft().map(String::valueOf).orElse("—")), "ledger.col.days-left", 3, 0);
        column(grid.addColumn(LedgerCase::phone), "ledger.col.phone", 6.5, 0);
        column(grid.addColumn(c -> c.projectNo().orElse("—")), "ledger.col.project-no", 4, 1);
        grid.setPartNameGenerator(c -> c.overdue() ? "overdue" : c.correctionOpen() || c.dueSoon() ? "attention" : null);
        grid.setAllRowsVisible(true);

        Anchor csv = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] bytes = ledger.export(shown, locale, staff.staffId());
            return new DownloadResponse(new ByteArrayInputStream(bytes), "ledger-" + ledger.today() + ".csv",
                    "text/csv; charset=UTF-8", bytes.length);
        }), getTranslation("ledger.csv"));
        csv.setId("ledger-csv");
        Anchor xlsx = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] bytes = ledger.exportXlsx(shown, locale, staff.staffId());
            return new DownloadResponse(new ByteArrayInputStream(bytes), "ledger-" + ledger.today() + ".xlsx",
                    Xlsx.MEDIA_TYPE, bytes.length);
        }), getTranslation("ledger.xlsx"));
        xlsx.setId("ledger-xlsx");
        Button printList = new Button(getTranslation("ledger.print-daily"), e -> message.setText(
                ledger.printDailyList(ledger.today(), config.siteName(), staff.staffId()).map(this::getTranslation)
                        .orElse(getTranslation("ledger.printed"))));
        printList.setId("ledger-print-daily");
        Button printPage = new Button(getTranslation("ledger.print-page"),
                e -> getElement().executeJs("window.print()"));
        printPage.setId("ledger-print-page");
        HorizontalLayout actions = new HorizontalLayout(csv, xlsx, printList, printPage);
        actions.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        actions.addClassName("no-print");
        summary.setId("ledger-summary");
        message.setId("ledger-message");
        add(new H1(getTranslation("ledger.title")), filters, actions, message, summary, grid);
        refresh();
    }

    private void column(Grid.Column<LedgerCase> column, String header, double widthRem, int grow) {
        column.setHeader(getTranslation(header)).setWidth(widthRem + "rem").setFlexGrow(grow);
    }

    private void refresh() {
        LedgerFilter filter = LedgerFilter.all().withStatus(status.getValue()).withTaskCode(item.getValue())
                .sealedBetween(from.getValue(), to.getValue()).withOverdueOnly(overdueOnly.getValue());
        shown = ledger.cases(filter);
        grid.setItems(shown);
        summary.setText(getTranslation("ledger.summary", shown.size(), shown.stream().filter(LedgerCase::overdue).count(),
                shown.stream().filter(LedgerCase::correctionOpen).count()));
    }
}
