package org.onetrip.kiosk.agency;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.web.KaribuKiosk;
import org.onetrip.kiosk.agency.courier.CourierView;
import org.onetrip.kiosk.agency.ledger.LedgerService;
import org.onetrip.kiosk.agency.ledger.LedgerView;
import org.onetrip.kiosk.agency.queue.QueueView;
import org.onetrip.kiosk.agency.stats.StatsView;
import org.onetrip.kiosk.web.KioskServices;
import org.onetrip.store.ledger.LedgerCase;
import org.onetrip.store.ledger.LedgerFilter;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.SubmissionDraft;
import org.onetrip.store.submission.SubmissionStatus;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.sync.SyncEngine;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The agency's books without a browser, on one running demo terminal whose sync engine is stopped (so the queue
 * keeps what the tests put in it): the staff guard, the ledger's warnings and CSV, statistics for supervisors, the
 * queue's requeue and the courier's export, re-import and refusal.
 */
class AgencyBooksViewsTest {
    @TempDir
    static Path dir;
    private static KioskApplication app;
    private static UUID overdue;
    private static UUID correction;
    private static UUID refused;

    @BeforeAll
    static void startTerminal() throws Exception {
        app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir.resolve("data")),
                Clock.system(KioskApplication.CHINA));
        app.start();
        app.services().get(SyncEngine.class).stop();
        SubmissionStore store = app.services().get(SubmissionStore.class);
        LocalDate today = LocalDate.now(KioskApplication.CHINA);
        overdue = store.seal(draft("王秀兰", "340121194803120024", "13912345678", today.minusDays(2))).id();
        correction = store.seal(draft("李建国", "34012119621001031X", "13800001111", today.plusDays(10))).id();
        new Outbox(store).statusChanged(correction, SubmissionStatus.NEEDS_CORRECTION, "户口簿复印件不清晰，请重新上传",
                "P-1", Instant.now());
        refused = store.seal(draft("赵小红", "340121199001010027", "", today.plusDays(5))).id();
        new Outbox(store).quarantine(refused, "fields.reason: 必填", Instant.now());
    }

    private static SubmissionDraft draft(String name, String id, String phone, LocalDate promised) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("idNumber", id);
        fields.put("phone", phone);
        String mask = name.charAt(0) + "*" + name.substring(name.length() - 1) + " " + id.substring(0, 6) + "********"
                + id.substring(14);
        return new SubmissionDraft(UUID.randomUUID(), "11340121MB1234567X4000117009000", "城乡居民基本养老保险参保登记", 1,
                "340121100004", name, id, mask, fields, "WINDOW", promised, List.of());
    }

    @AfterAll
    static void stopTerminal() throws Exception {
        app.stop();
    }

    @BeforeEach
    void setUp() {
        KioskServices services = app.services();
        KaribuKiosk.setUp(services);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static void signIn(StaffRole role) {
        StaffSession.signIn(new StaffSession("S-0042", "张代办", role, Instant.now()));
    }

    @Test
    void without_a_signed_in_staff_member_no_agency_page_renders_anything() {
        for (String route : List.of("agency", "agency/ledger", "agency/stats", "agency/queue", "agency/courier")) {
            UI.getCurrent().navigate(route);
            assertTrue(_find(Grid.class).isEmpty() && _find(TextField.class, s -> s.withId("courier-directory")).isEmpty(),
                    route + " rendered for a visitor");
        }
    }

    @Test
    void the_ledger_shows_every_case_masked_with_overdue_and_correction_warnings_and_filters_overdue() {
        signIn(StaffRole.AGENT);
        UI.getCurrent().navigate(LedgerView.class);
        @SuppressWarnings("unchecked")
        Grid<LedgerCase> grid = _get(Grid.class, s -> s.withId("ledger-grid"));
        List<LedgerCase> rows = grid.getGenericDataView().getItems().toList();
        assertEquals(3, rows.size());
        LedgerCase late = rows.stream().filter(c -> c.id().equals(overdue)).findFirst().orElseThrow();
        assertEquals("已逾期 2 天", LedgerService.warning(late, LedgerService.words(Locale.SIMPLIFIED_CHINESE)));
        assertEquals("13912345678", late.phone());
        assertEquals("王*兰 340121********0024", late.applicantMask());
        LedgerCase fix = rows.stream().filter(c -> c.id().equals(correction)).findFirst().orElseThrow();
        assertEquals("需补正：户口簿复印件不清晰，请重新上传", LedgerService.warning(fix,
                LedgerService.words(Locale.SIMPLIFIED_CHINESE)));
        assertEquals("共 3 件，逾期 1 件，待补正 1 件", _get(Paragraph.class, s -> s.withId("ledger-summary")).getText());

        _get(com.vaadin.flow.component.checkbox.Checkbox.class, s -> s.withId("ledger-overdue")).setValue(true);
        _click(_get(Button.class, s -> s.withId("ledger-search")));
        assertEquals(List.of(overdue), grid.getGenericDataView().getItems().map(LedgerCase::id).toList());
    }

    @Test
    void the_ledger_csv_has_a_bom_chinese_headers_and_no_full_id_number() {
        LedgerService ledger = app.services().get(LedgerService.class);
        byte[] csv = ledger.csv(ledger.cases(LedgerFilter.all()), Locale.SIMPLIFIED_CHINESE);
        assertEquals(0xEF, csv[0] & 0xFF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("受理时间,事项,事项编码,申请人,联系电话,状态"), text);
        assertTrue(text.contains("需补正：户口簿复印件不清晰"), text);
        assertFalse(text.contains("340121194803120024"), "only masked ID numbers leave the terminal in the CSV");
    }

    @Test
    void the_ledger_xlsx_has_the_csvs_rows_and_columns_and_no_full_id_number() throws Exception {
        LedgerService ledger = app.services().get(LedgerService.class);
        List<LedgerCase> cases = ledger.cases(LedgerFilter.all());
        String csv = new String(ledger.csv(cases, Locale.SIMPLIFIED_CHINESE), StandardCharsets.UTF_8).substring(1);
        List<List<String>> fromCsv = csv.lines().map(l -> List.of(l.split(",", -1))).toList();
        try (var book = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(ledger.xlsx(cases, Locale.SIMPLIFIED_CHINESE)))) {
            var rows = book.getFirstSheet().read();
            assertEquals(fromCsv.size(), rows.size(), "a header and one row per case, as in the CSV");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < fromCsv.get(r).size(); c++) {
                    String cell = rows.get(r).getCell(c) == null ? "" : rows.get(r).getCellText(c);
                    String expected = fromCsv.get(r).get(c);
                    assertEquals(expected.startsWith("'") ? expected.substring(1) : expected, cell,
                            "row " + r + " column " + c);
                }
            }
            String all = rows.stream().flatMap(row -> row.stream()).map(cell -> cell == null ? "" : cell.getText())
                    .reduce("", String::concat);
            assertTrue(all.contains("需补正：户口簿复印件不清晰"), all);
            assertFalse(all.contains("340121194803120024"), "only masked ID numbers leave the terminal in the XLSX");
        }
    }

    @Test
    void statistics_are_for_supervisors_and_state_the_one_trip_definition() {
        signIn(StaffRole.AGENT);
        UI.getCurrent().navigate(StatsView.class);
        assertTrue(_find(Grid.class).isEmpty(), "an agent does not see statistics");
        signIn(StaffRole.SUPERVISOR);
        UI.getCurrent().navigate(StatsView.class);
        assertInstanceOf(StatsView.class, UI.getCurrent().getCurrentView());
        assertTrue(_get(Paragraph.class, s -> s.withId("stats-definition")).getText().contains("平台从未要求补正"));
        assertTrue(_get(Paragraph.class, s -> s.withId("stats-summary")).getText().startsWith("期间共受理 3 件，一次办结 2 件"),
                _get(Paragraph.class, s -> s.withId("stats-summary")).getText());
    }

    @Test
    void the_statistics_csv_has_one_row_per_period_with_the_share_and_rating_columns() {
        var stats = app.services().get(org.onetrip.kiosk.agency.stats.StatsService.class);
        LocalDate today = stats.today();
        var periods = stats.periods(org.onetrip.store.ledger.CaseStatistics.Granularity.MONTH, today, today);
        String text = new String(stats.csv(periods, Locale.SIMPLIFIED_CHINESE), StandardCharsets.UTF_8).substring(1);
        List<String> lines = text.lines().toList();
        assertEquals("期间,受理件数,一次办结件数,一次办结率,办结件数,平均办结天数,非常满意,满意,基本满意,不满意,非常不满意,按事项",
                lines.get(0));
        assertEquals(2, lines.size(), text);
        assertTrue(lines.get(1).startsWith(java.time.YearMonth.from(today) + ",3,2,66.7%,0,—,0,0,0,0,0,"), lines.get(1));
    }

    @Test
    void a_quarantined_record_shows_its_reason_and_staff_can_queue_it_again() {
        signIn(StaffRole.AGENT);
        UI.getCurrent().navigate(QueueView.class);
        @SuppressWarnings("unchecked")
        Grid<Outbox.QueueRecord> grid = _get(Grid.class, s -> s.withId("queue-grid"));
        Outbox.QueueRecord record = grid.getGenericDataView().getItems().filter(r -> r.submissionId().equals(refused))
                .findFirst().orElseThrow();
        assertEquals("QUARANTINED", record.state());
        assertEquals("fields.reason: 必填", record.lastError().orElseThrow());
        assertTrue(_find(Div.class, s -> s.withId("queue-halt")).isEmpty(), "no halt: the platform took our key");

        int row = grid.getGenericDataView().getItems().map(Outbox.QueueRecord::submissionId).toList().indexOf(refused);
        _click((Button) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, row, "action"));
        assertEquals("PENDING", grid.getGenericDataView().getItems().filter(r -> r.submissionId().equals(refused))
                .findFirst().orElseThrow().state());
    }

    @Test
    void a_platform_that_refuses_the_terminal_halts_the_queue_with_what_to_check_and_retry_now_clears_it()
            throws Exception {
        String terminalId = app.services().get(org.onetrip.provisioning.config.TerminalConfig.class).terminalId();
        SyncEngine sync = app.services().get(SyncEngine.class);
        app.intake().revoke(terminalId);
        try {
            sync.runOnce(); // the pending cases meet a platform that no longer knows this terminal
            signIn(StaffRole.AGENT);
            UI.getCurrent().navigate(QueueView.class);
            String halt = _get(Div.class, s -> s.withId("queue-halt")).getText();
            assertTrue(halt.startsWith("上传已暂停，需要处理：") && halt.contains("403") && halt.contains("立即重试"), halt);
            _click(_get(Button.class, s -> s.withId("queue-retry-now")));
            assertTrue(_find(Div.class, s -> s.withId("queue-halt")).isEmpty(), "retry now clears the halt");
        } finally {
            app.intake().enroll(terminalId, org.onetrip.store.uplink.TerminalIdentity.loadOrCreate(terminalId,
                    dir.resolve("data").resolve("keys")).publicKeyPem());
        }
    }

    @Test
    void the_courier_exports_to_the_directory_lists_the_bundle_and_refuses_a_tampered_one() throws Exception {
        signIn(StaffRole.AGENT);
        UI.getCurrent().navigate(CourierView.class);
        Path usb = dir.resolve("usb");
        _get(TextField.class, s -> s.withId("courier-directory")).setValue(usb.toString());
        _click(_get(Button.class, s -> s.withId("courier-export")));
        Div result = _get(Div.class, s -> s.withId("courier-result"));
        assertTrue(result.getElement().getText().isEmpty() && result.getChildren().findFirst().orElseThrow()
                .getElement().getText().startsWith("已导出"), result.getElement().getOuterHTML());
        Path bundle;
        try (var files = Files.list(usb)) {
            bundle = files.filter(p -> p.toString().endsWith(".otc")).findFirst().orElseThrow();
        }

        _click(_get(Button.class, s -> s.withId("courier-import-0")));
        assertTrue(result.getElement().getOuterHTML().contains("本机已有"), "re-importing our own bundle adds nothing");

        byte[] bytes = Files.readAllBytes(bundle);
        bytes[bytes.length / 2] ^= 1;
        Files.write(bundle, bytes);
        _click(_get(Button.class, s -> s.withId("courier-import-0")));
        assertTrue(result.hasClassName("problem"));
        assertTrue(result.getElement().getOuterHTML().contains("此文件被拒绝，本机没有任何改动"),
                result.getElement().getOuterHTML());
        assertFalse(result.getElement().getOuterHTML().contains("Exception"), "no stack trace for staff");
    }

    @Test
    void the_agency_menu_speaks_english_when_switched() {
        signIn(StaffRole.SUPERVISOR);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("agency");
        assertEquals("Statistics", _get(com.vaadin.flow.component.button.Button.class, s -> s.withId("agency-stats")).getText());
        assertEquals("Ledger", _get(com.vaadin.flow.component.button.Button.class, s -> s.withId("agency-ledger")).getText());
    }
}
