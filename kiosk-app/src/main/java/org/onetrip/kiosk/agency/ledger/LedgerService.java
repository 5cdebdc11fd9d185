package org.onetrip.kiosk.agency.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

import org.onetrip.hardware.printer.PrinterException;
import org.onetrip.hardware.printer.ReceiptPrinter;
import org.onetrip.hardware.printer.escpos.EscPosEncoder;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;
import org.onetrip.store.ledger.LedgerCase;
import org.onetrip.store.ledger.LedgerFilter;
import org.onetrip.store.ledger.LedgerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ledger for the view: the store's query as of today, its CSV, and the daily list on the receipt printer. */
public final class LedgerService {
    private static final Logger log = LoggerFactory.getLogger(LedgerService.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final LedgerStore store;
    private final ReceiptPrinter printer;
    private final Clock clock;
    private final ZoneId zone;

    public LedgerService(LedgerStore store, ReceiptPrinter printer, Clock clock) {
        this.store = store;
        this.printer = printer;
        this.clock = clock;
        this.zone = store.zone();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public List<LedgerCase> cases(LedgerFilter filter) {
        return store.cases(filter, today());
    }

    /** Task code → item name, for the item filter. */
    public Map<String, String> items() {
        return store.items();
    }

    public String sealedAt(LedgerCase c) {
        return TIME.format(c.sealedAt().atZone(zone));
    }

    /** The warning a case carries (overdue, due soon, 补正 with the platform's note), in {@code locale}; or empty. */
    public static String warning(LedgerCase c, ResourceBundle t) {
        List<String> parts = new ArrayList<>();
        if (c.overdue()) {
            parts.add(t.getString("ledger.warn.overdue").replace("{0}", String.valueOf(-c.daysLeft().orElseThrow())));
        } else if (c.dueSoon()) {
            parts.add(t.getString("ledger.warn.due-soon"));
        }
        if (c.correctionOpen()) {
            parts.add(t.getString("ledger.warn.correction") + c.correctionNote().orElse(""));
        }
        return String.join("；", parts);
    }

    public static ResourceBundle words(Locale locale) {
        return ResourceBundle.getBundle("vaadin-i18n.translations", locale);
    }

    /** The cases as CSV for {@code staffId} (audited), column names in {@code locale}. */
    public byte[] export(List<LedgerCase> cases, Locale locale, String staffId) {
        store.audited(staffId, "ledger.exported", "cases=" + cases.size());
        return csv(cases, locale);
    }

    /** The cases as XLSX for {@code staffId} (audited), the same columns as the CSV. */
    public byte[] exportXlsx(List<LedgerCase> cases, Locale locale, String staffId) {
        store.audited(staffId, "ledger.exported", "cases=" + cases.size() + " format=xlsx");
        return xlsx(cases, locale);
    }

    /** The cases as CSV (UTF-8 with BOM), column names in {@code locale}. */
    public byte[] csv(List<LedgerCase> cases, Locale locale) {
        return Csv.of(rows(cases, locale));
    }

    /** The cases as one XLSX sheet (text cells), column names in {@code locale}. */
    public byte[] xlsx(List<LedgerCase> cases, Locale locale) {
        return Xlsx.of(words(locale).getString("ledger.title"), rows(cases, locale));
    }

    /** The export's rows: a header, then one row per case, ID numbers masked. */
    private List<List<String>> rows(List<LedgerCase> cases, Locale locale) {
        ResourceBundle t = words(locale);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t.getString("ledger.col.sealed"), t.getString("ledger.col.item"),
                t.getString("ledger.col.task-code"), t.getString("ledger.col.applicant"), t.getString("ledger.col.phone"),
                t.getString("ledger.col.status"), t.getString("ledger.col.promised"), t.getString("ledger.col.days-left"),
                t.getString("ledger.col.warning"), t.getString("ledger.col.project-no"),
                t.getString("ledger.col.still-to-bring"), t.getString("ledger.col.id")));
        for (LedgerCase c : cases) {
            rows.add(List.of(sealedAt(c), c.itemName(), c.taskCode(), c.applicantMask(), c.phone(),
                    t.getString("status." + c.status().name()),
                    c.promisedBy() == null ? "" : c.promisedBy().toString(),
                    c.daysLeft().map(String::valueOf).orElse(""), warning(c, t), c.projectNo().orElse(""),
                    String.join("、", c.stillToBring()), c.id().toString()));
        }
        return rows;
    }

    /** The daily list: the cases sealed on {@code day}, then every open case that needs a call (overdue, 补正). */
    ReceiptDocument dailyList(LocalDate day, String site) {
        ResourceBundle t = words(Locale.SIMPLIFIED_CHINESE);
        ReceiptDocument.Builder doc = ReceiptDocument.builder().title(t.getString("ledger.daily.title"))
                .text(site).text(day.toString()).divider().emphasis(t.getString("ledger.daily.sealed"));
        List<LedgerCase> sealed = store.cases(LedgerFilter.all().sealedBetween(day, day), today());
        for (LedgerCase c : sealed) {
            doc.text(TIME.format(c.sealedAt().atZone(zone)).substring(11) + " " + c.itemName() + " "
                    + c.applicantMask() + " " + t.getString("status." + c.status().name()));
        }
        doc.row(t.getString("ledger.daily.count"), String.valueOf(sealed.size())).divider()
                .emphasis(t.getString("ledger.daily.follow-up"));
        for (LedgerCase c : store.cases(LedgerFilter.all(), today())) {
            if (c.overdue() || c.correctionOpen() || c.dueSoon()) {
                doc.text(c.itemName() + " " + c.applicantMask() + " " + c.phone() + " " + warning(c, t));
            }
        }
        return doc.feed(3).build();
    }

    /** Prints the daily list for {@code staffId} (audited); a message key when the printer could not. */
    public Optional<String> printDailyList(LocalDate day, String site, String staffId) {
        store.audited(staffId, "ledger.daily-list-printed", "day=" + day);
        try {
            printer.print(new EscPosEncoder(printer.profile()).encode(dailyList(day, site)));
            return Optional.empty();
        } catch (PrinterException e) {
            log.warn("ledger: daily list of {} not printed: {}", day, e.getMessage());
            return Optional.of("ledger.print-failed");
        }
    }
}
