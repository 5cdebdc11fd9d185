package org.onetrip.kiosk.status;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.printer.escpos.EscPosRenderer;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.web.KaribuKiosk;
import org.onetrip.kiosk.KioskApplicationCatalog;
import org.onetrip.kiosk.apply.ApplyService;
import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.catalog.ServiceItem;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.SealedSubmission;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.token.TokenException;
import org.onetrip.store.token.TrustList;
import org.onetrip.store.token.ReceiptTokenVerifier;
import org.onetrip.store.uplink.Sm2;
import org.onetrip.store.uplink.TerminalIdentity;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;
import org.onetrip.kiosk.web.KioskServices;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * A receipt's QR code scanned at the terminal, without a browser: the token printed by the simulated printer
 * opens that submission's status (masked data only), altered or foreign codes are refused in plain words, and
 * receipts can be reprinted from the status pages — also when the printer is out of paper.
 */
class ReceiptScanTest {
    private static final String PENSION = "113401210034512345205002001";
    private static final IdentityCard WANG = DemoCards.all().get(0);

    /** One running terminal for the class (starting one takes seconds); each test files its own submission. */
    @TempDir
    static Path dir;
    private static KioskApplication app;
    private static KioskServices services;

    @BeforeAll
    static void startTerminal() throws Exception {
        app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir.resolve("a")),
                Clock.system(KioskApplication.CHINA));
        app.start();
        app.intake().stop(); // the village is offline: submissions stay 已提交，待同步
        services = app.services();
    }

    @AfterAll
    static void stopTerminal() throws Exception {
        app.stop();
    }

    @BeforeEach
    void setUp() {
        app.printer().paperLoaded();
        KioskServices published = services;
        KaribuKiosk.setUp(published);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private SealedSubmission submit() {
        ApplyService apply = services.get(ApplyService.class);
        ServiceItem item = apply.item(PENSION).orElseThrow();
        Map<String, String> values = new java.util.LinkedHashMap<>(apply.prefill(item, WANG));
        values.put("phone", "13905510001");
        return apply.submit(WANG, item, values, "VILLAGE_POINT").sealed();
    }

    /** The QR payload exactly as printed: read back from the printer's bytes. */
    private String printedQr() {
        byte[] job = app.printer().lastJob().orElseThrow();
        List<String> payloads = new EscPosRenderer(app.printer().profile()).render(job).qrPayloads();
        assertEquals(1, payloads.size());
        return payloads.getFirst();
    }

    @Test
    void scanning_a_printed_receipt_opens_that_submissions_status_with_masked_data_only() {
        SealedSubmission sealed = submit();
        String token = printedQr();

        ReceiptLookup.Result result = services.get(ReceiptLookup.class).open(token);

        assertInstanceOf(ReceiptLookup.Found.class, result);
        assertInstanceOf(ScannedStatusView.class, UI.getCurrent().getCurrentView());
        assertTrue(_get(Paragraph.class, spec -> spec.withId("scan-genuine")).getText()
                .contains(services.get(TerminalConfig.class).terminalId()));
        assertEquals("已提交，待同步", _get(Span.class, spec -> spec.withId("scan-status")).getText());
        String details = _get(Div.class, spec -> spec.withId("scan-details")).getElement().getTextRecursively();
        assertTrue(details.contains("城乡居民基本养老保险待遇领取") && details.contains(sealed.id().toString()), details);
        assertTrue(details.contains("王*兰") && details.contains(WANG.maskedIdNumber()), details);
        assertFalse(details.contains(WANG.idNumber()) || details.contains("王秀兰"), "masked only: " + details);
    }

    @Test
    void the_scanned_status_is_the_live_one_once_the_platform_has_answered() {
        SealedSubmission sealed = submit();
        String token = printedQr();
        new Outbox(services.get(SubmissionStore.class)).sent(sealed.id(), "34012125112300042", Instant.now());

        services.get(ReceiptLookup.class).open(token);

        assertEquals("已报送", _get(Span.class, spec -> spec.withId("scan-status")).getText());
        assertTrue(_get(Div.class, spec -> spec.withId("scan-details")).getElement().getTextRecursively()
                .contains("34012125112300042"));
    }

    @Test
    void an_altered_receipt_is_refused_in_plain_words() {
        submit();
        String token = printedQr();
        int i = token.length() / 2;
        String altered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);

        ReceiptLookup.Result result = services.get(ReceiptLookup.class).open(altered);

        assertInstanceOf(ReceiptLookup.Refused.class, result);
        assertTrue(_get(Paragraph.class, spec -> spec.withId("scan-refused")).getText().contains("代办点"));
    }

    @Test
    void another_qr_code_is_not_taken_for_a_receipt() {
        ReceiptLookup.Result result = services.get(ReceiptLookup.class).open("https://weixin.qq.com/x");

        assertEquals(new ReceiptLookup.Refused(TokenException.Reason.NOT_A_TOKEN), result);
        assertTrue(_get(Paragraph.class, spec -> spec.withId("scan-refused")).getText().contains("不是办事回执"));
    }

    @Test
    void a_receipt_from_another_terminal_opens_where_the_county_list_trusts_its_signer() throws Exception {
        SealedSubmission sealed = submit();
        String token = printedQr();
        Database otherDatabase = new Database(dir.resolve("b.db"), Clock.systemUTC());
        otherDatabase.start();
        SubmissionStore otherStore = new SubmissionStore(otherDatabase, new AuditLog(Clock.systemUTC()),
                Clock.systemUTC(), "demo-340121100004-02");
        TerminalConfig config = services.get(TerminalConfig.class);
        TerminalIdentity a = TerminalIdentity.loadOrCreate(config.terminalId(), dir.resolve("a").resolve("keys"));
        PublicKey b = Sm2.generateKeyPair().getPublic();
        ReceiptLookup.Result untrusted;
        ReceiptLookup.Result trusted;
        try {
            untrusted = new ReceiptLookup(new ReceiptTokenVerifier(TrustList.of(b)), otherStore,
                    KioskApplicationCatalog::demo).lookup(token);
            trusted = new ReceiptLookup(new ReceiptTokenVerifier(TrustList.union(List.of(
                    TrustList.of(b), TrustList.of(a.publicKey())))), otherStore, KioskApplicationCatalog::demo)
                    .lookup(token);
        } finally {
            otherDatabase.stop();
        }

        assertEquals(new ReceiptLookup.Refused(TokenException.Reason.UNKNOWN_SIGNER), untrusted);
        ReceiptLookup.Found found = assertInstanceOf(ReceiptLookup.Found.class, trusted);
        assertEquals(sealed.id(), found.token().submissionId());
        assertEquals(Optional.empty(), found.local(), "not filed at the other terminal");
        assertEquals(Optional.of("城乡居民基本养老保险待遇领取"), found.itemName(), "named from the catalog");
    }

    @Test
    void a_receipt_is_reprinted_from_the_scanned_status() {
        SealedSubmission sealed = submit();
        services.get(ReceiptLookup.class).open(printedQr());
        int before = app.printer().jobs().size();

        _click(_get(Button.class, spec -> spec.withId("reprint-" + sealed.id())));

        assertEquals(before + 1, app.printer().jobs().size());
        assertEquals("回执已补打，请取走。", _get(Span.class, spec -> spec.withId("reprint-result-" + sealed.id())).getText());
        String paper = String.join("\n", new EscPosRenderer(app.printer().profile())
                .render(app.printer().lastJob().orElseThrow()).textLines());
        assertTrue(paper.contains("补打时间"), paper);
    }

    @Test
    void out_of_paper_the_reprint_says_the_submission_is_safe_and_where_to_get_the_receipt() {
        SealedSubmission sealed = submit();
        ResidentSession.current().identified(WANG);
        UI.getCurrent().navigate(StatusView.class);
        app.printer().paperOut();

        _click(_get(Button.class, spec -> spec.withId("reprint-" + sealed.id())));

        String said = _get(Span.class, spec -> spec.withId("reprint-result-" + sealed.id())).getText();
        assertTrue(said.contains("已安全保存") && said.contains("代办点") && said.contains("补打"), said);
    }

    @Test
    void out_of_paper_at_submit_the_resident_is_told_the_application_is_safe_and_where_to_get_the_receipt() {
        app.printer().paperOut();
        ApplyService apply = services.get(ApplyService.class);
        ServiceItem item = apply.item(PENSION).orElseThrow();
        Map<String, String> values = new java.util.LinkedHashMap<>(apply.prefill(item, WANG));
        values.put("phone", "13905510001");
        int jobs = app.printer().jobs().size();

        ApplyService.Submitted submitted = apply.submit(WANG, item, values, "VILLAGE_POINT");
        ResidentSession.current().identified(WANG);
        ResidentSession.current().receiptPrinted(submitted.sealed().id(), submitted.receipt().escPos(),
                submitted.receipt().problem().orElse(null));
        UI.getCurrent().navigate("receipt/" + submitted.sealed().id());

        assertEquals(jobs, app.printer().jobs().size(), "nothing printed");
        assertTrue(services.get(SubmissionStore.class).find(submitted.sealed().id()).isPresent(), "sealed all the same");
        String said = _get(Paragraph.class, spec -> spec.withId("print-problem")).getText();
        assertTrue(said.contains("已安全保存") && said.contains("代办点") && said.contains("补打"), said);
        assertTrue(_get(Paragraph.class, spec -> spec.withId("receipt-saved")).isVisible());
    }

    @Test
    void the_scanned_view_cannot_be_opened_by_url_without_a_scan() {
        UI.getCurrent().navigate("status/scanned");

        assertInstanceOf(HomeView.class, UI.getCurrent().getCurrentView());
    }
}
