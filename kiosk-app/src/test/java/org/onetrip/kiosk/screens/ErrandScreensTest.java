package org.onetrip.kiosk.screens;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.printer.escpos.EscPosRenderer;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.web.KaribuKiosk;
import org.onetrip.kiosk.apply.ApplyService;
import org.onetrip.kiosk.apply.ItemsView;
import org.onetrip.kiosk.complaint.ComplaintView;
import org.onetrip.kiosk.evaluation.EvaluationView;
import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.home.ScanView;
import org.onetrip.kiosk.identify.IdentifyView;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.ticket.TicketView;
import org.onetrip.kiosk.web.KioskServices;
import org.onetrip.store.feedback.FeedbackKind;
import org.onetrip.store.feedback.FeedbackStore;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The home screen's errands other than applying, without a browser: scan, rate, ask or complain, queue number. */
class ErrandScreensTest {
    private static final String PENSION = "113401210034512345205002001";

    @TempDir
    Path dir;
    private KioskApplication app;

    @BeforeEach
    void setUp() throws Exception {
        app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir), Clock.system(KioskApplication.CHINA));
        app.reader().start();
        startForViews();
        KioskServices services = app.services();
        KaribuKiosk.setUp(services);
    }

    /** The store and the printer the views write to; the web server and the rest are not needed here. */
    private void startForViews() throws Exception {
        app.printer().start();
        for (Object bean : app.getBeans()) {
            if (bean instanceof org.onetrip.store.db.Database db) {
                db.start();
            }
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        for (Object bean : app.getBeans()) {
            if (bean instanceof org.onetrip.store.db.Database db) {
                db.stop();
            }
        }
        app.printer().stop();
        app.reader().stop();
    }

    @Test
    void home_offers_six_large_tiles_each_leading_to_its_errand() {
        UI.getCurrent().navigate(HomeView.class);
        for (String id : List.of("tile-apply", "tile-scan", "tile-status", "tile-evaluate", "tile-complaint", "tile-ticket")) {
            assertTrue(_get(Button.class, spec -> spec.withId(id)).hasClassName("tile"), id);
        }
        _click(_get(Button.class, spec -> spec.withId("tile-scan")));
        assertInstanceOf(ScanView.class, UI.getCurrent().getCurrentView());
        UI.getCurrent().navigate(HomeView.class);
        _click(_get(Button.class, spec -> spec.withId("tile-evaluate")));
        assertInstanceOf(IdentifyView.class, UI.getCurrent().getCurrentView(), "a rating needs the card first");
        UI.getCurrent().navigate(HomeView.class);
        _click(_get(Button.class, spec -> spec.withId("tile-complaint")));
        assertInstanceOf(ComplaintView.class, UI.getCurrent().getCurrentView(), "asking needs no card");
        UI.getCurrent().navigate(HomeView.class);
        _click(_get(Button.class, spec -> spec.withId("tile-ticket")));
        assertInstanceOf(TicketView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void the_rating_screen_cannot_be_opened_by_url_without_a_card() {
        UI.getCurrent().navigate("evaluate");
        assertInstanceOf(HomeView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void a_resident_with_one_submission_rates_it_directly_and_the_rating_is_queued() {
        IdentityCard wang = DemoCards.all().get(0);
        ApplyService apply = app.services().get(ApplyService.class);
        var item = apply.item(PENSION).orElseThrow();
        Map<String, String> values = apply.prefill(item, wang);
        values.put("phone", "13905510001");
        var sealed = apply.submit(wang, item, values, item.deliveries().getFirst().name()).sealed();
        ResidentSession.current().identified(wang);

        UI.getCurrent().navigate(EvaluationView.class);
        assertEquals("非常满意", _get(Button.class, spec -> spec.withId("rate-5")).getText());
        assertEquals("非常不满意", _get(Button.class, spec -> spec.withId("rate-1")).getText());
        _click(_get(Button.class, spec -> spec.withId("rate-4")));

        assertTrue(_get(Paragraph.class, spec -> spec.withId("evaluation-thanks")).getText().contains("已保存"));
        FeedbackStore feedback = app.services().get(FeedbackStore.class);
        var due = feedback.due(java.time.Instant.now().plusSeconds(1), 10);
        assertEquals(1, due.size());
        assertEquals(FeedbackKind.EVALUATION, due.getFirst().kind());
        JsonNode body = JsonMapper.builder().build().readTree(due.getFirst().body());
        assertEquals(4, body.get("rating").asInt());
        assertEquals(sealed.id().toString(), body.get("submissionId").asString());
    }

    @Test
    void a_complaint_chosen_in_english_is_filed_in_chinese_under_its_category_and_shows_12345() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate(ComplaintView.class);
        _click(_get(Button.class, spec -> spec.withId("kind-complaint")));
        assertEquals("Time taken", _get(Button.class, spec -> spec.withId("topic-deadline")).getText());
        _click(_get(Button.class, spec -> spec.withId("topic-deadline")));

        assertTrue(_get(Div.class, spec -> spec.withId("hotline")).getText().contains("12345"));
        var due = app.services().get(FeedbackStore.class).due(java.time.Instant.now().plusSeconds(1), 10);
        assertEquals(1, due.size());
        assertEquals(FeedbackKind.COMPLAINT, due.getFirst().kind());
        String body = new String(due.getFirst().body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"category\":\"办理时限\"") && body.contains("投诉"), body);
        assertFalse(body.contains("Time taken"), body);
    }

    @Test
    void each_ticket_gets_the_next_number_of_the_day_and_is_printed() {
        UI.getCurrent().navigate(TicketView.class);
        _click(_get(Button.class, spec -> spec.withId("take-ticket")));
        assertEquals("001", _get(Div.class, spec -> spec.withId("ticket-number")).getText());
        UI.getCurrent().navigate(HomeView.class);
        UI.getCurrent().navigate(TicketView.class);
        _click(_get(Button.class, spec -> spec.withId("take-ticket")));
        assertEquals("002", _get(Div.class, spec -> spec.withId("ticket-number")).getText());

        var paper = new EscPosRenderer(app.printer().profile()).render(app.printer().lastJob().orElseThrow());
        String text = String.join("\n", paper.textLines());
        assertTrue(text.contains("排队取号") && text.contains("002") && text.contains("12345"), text);
    }

    @Test
    void the_on_screen_keyboard_waits_for_a_tap_on_the_search_field_and_hides_with_its_close_key() {
        ResidentSession.current().identified(DemoCards.all().get(0));
        UI.getCurrent().navigate(ItemsView.class);
        assertTrue(_find(Div.class, spec -> spec.withId("pinyin-keyboard")).isEmpty(), "no keys until the field is tapped");
        tapSearch();
        assertFalse(_find(Div.class, spec -> spec.withId("pinyin-keyboard")).isEmpty());
        _click(_get(Button.class, spec -> spec.withId("key-close")));
        assertTrue(_find(Div.class, spec -> spec.withId("pinyin-keyboard")).isEmpty());
        tapSearch();
        assertFalse(_find(Div.class, spec -> spec.withId("pinyin-keyboard")).isEmpty(), "a second tap brings it back");
    }

    private static void tapSearch() {
        TextField search = _get(TextField.class, spec -> spec.withId("item-search"));
        com.vaadin.flow.component.ComponentUtil.fireEvent(search,
                new com.vaadin.flow.component.FocusNotifier.FocusEvent<>(search, true));
    }

    @Test
    void the_on_screen_keyboard_types_pinyin_initials_and_the_list_narrows_to_matching_items() {
        ResidentSession.current().identified(DemoCards.all().get(0));
        UI.getCurrent().navigate(ItemsView.class);
        tapSearch();
        for (String key : List.of("y", "l", "b", "x", "x")) {
            _click(_get(Button.class, spec -> spec.withId("key-" + key)));
        }
        _click(_get(Button.class, spec -> spec.withId("key-backspace")));
        assertEquals("ylbx", _get(TextField.class, spec -> spec.withId("item-search")).getValue());
        List<String> shown = _find(Button.class, spec -> spec.withClasses("item")).stream()
                .map(b -> b.getElement().getAttribute("data-task")).toList();
        assertTrue(shown.contains(PENSION), shown.toString());
        assertTrue(shown.size() < app.services().get(ApplyService.class).offered().size(), "the list narrowed");

        _click(_get(Button.class, spec -> spec.withId("key-clear")));
        assertEquals("", _get(TextField.class, spec -> spec.withId("item-search")).getValue());
    }
}
