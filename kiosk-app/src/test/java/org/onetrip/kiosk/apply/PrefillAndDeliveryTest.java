package org.onetrip.kiosk.apply;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.printer.escpos.EscPosRenderer;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.web.KaribuKiosk;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.web.KioskServices;
import org.onetrip.store.region.Division;
import org.onetrip.store.submission.SubmissionStore;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.FocusNotifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The form's prefill from an earlier submission (only with the resident's yes, once per visit, never someone
 * else's) and its delivery step (an express address changed by choosing and by digits), without a browser.
 */
class PrefillAndDeliveryTest {
    private static final String PENSION = "113401210034512345205002001";
    private static final IdentityCard WANG = DemoCards.all().get(0);
    private static final IdentityCard LI = DemoCards.all().get(1);
    private static final IdentityCard CHEN = DemoCards.all().get(2);

    @TempDir
    Path dir;
    private KioskApplication app;

    @BeforeEach
    void setUp() throws Exception {
        app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir), Clock.system(KioskApplication.CHINA));
        app.printer().start();
        for (Object bean : app.getBeans()) {
            if (bean instanceof org.onetrip.store.db.Database db) {
                db.start();
            }
        }
        KioskServices services = app.services();
        KaribuKiosk.setUp(services);
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
    }

    /** Seals a pension application for {@code card} with this phone and bank digits, as an earlier visit did. */
    private void appliedBefore(IdentityCard card, String phone, String bank) {
        ApplyService apply = app.services().get(ApplyService.class);
        var item = apply.item(PENSION).orElseThrow();
        Map<String, String> values = apply.prefill(item, card);
        values.put("phone", phone);
        values.put("bank", bank);
        apply.submit(card, item, values, "WINDOW");
    }

    private void openForm(IdentityCard card) {
        ResidentSession.current().identified(card);
        UI.getCurrent().navigate(FormView.class, PENSION);
    }

    private static String field(String key) {
        return _get(TextField.class, spec -> spec.withId("field-" + key)).getValue();
    }

    private static boolean asked() {
        return !_find(Div.class, spec -> spec.withId("prefill-question")).isEmpty();
    }

    @Test
    void a_resident_new_to_this_terminal_is_not_asked_and_gets_only_the_cards_values() {
        openForm(WANG);
        assertFalse(asked());
        assertEquals(WANG.address(), field("address"));
        assertEquals("", field("phone"));
    }

    @Test
    void a_returning_resident_is_asked_once_and_yes_fills_in_last_times_phone_and_bank_digits() {
        appliedBefore(WANG, "13905510001", "4321");
        openForm(WANG);
        assertTrue(asked());
        assertEquals("用您上次在本机填写的内容预填？",
                _get(Paragraph.class, spec -> spec.withClasses("prefill-text")).getText());
        assertTrue(_find(TextField.class, spec -> spec.withId("field-phone")).isEmpty(),
                "nothing of the earlier submission is on screen before the resident says yes");

        _click(_get(Button.class, spec -> spec.withId("prefill-yes")));
        assertEquals("13905510001", field("phone"));
        assertEquals("4321", field("bank"));
        assertEquals(WANG.address(), field("address"), "what the card says comes from the card");

        openForm(WANG);
        assertFalse(asked(), "asked once per visit");
        assertEquals("13905510001", field("phone"));
    }

    @Test
    void no_leaves_the_form_to_the_card_and_is_remembered_for_the_visit() {
        appliedBefore(WANG, "13905510001", "4321");
        openForm(WANG);
        _click(_get(Button.class, spec -> spec.withId("prefill-no")));
        assertEquals("", field("phone"));
        openForm(WANG);
        assertFalse(asked());
        assertEquals("", field("bank"));
    }

    @Test
    void the_next_resident_is_asked_for_their_own_values_and_never_gets_the_last_ones() {
        appliedBefore(WANG, "13905510001", "4321");
        appliedBefore(LI, "13905510002", "8765");
        openForm(WANG);
        _click(_get(Button.class, spec -> spec.withId("prefill-yes")));

        openForm(CHEN);
        assertFalse(asked(), "陈 never applied here");
        assertEquals("", field("phone"));
        openForm(LI);
        assertTrue(asked(), "王's yes is not 李's");
        _click(_get(Button.class, spec -> spec.withId("prefill-yes")));
        assertEquals("13905510002", field("phone"));
    }

    @Test
    void after_the_wipe_the_yes_is_gone_and_the_same_resident_is_asked_again() {
        appliedBefore(WANG, "13905510001", "4321");
        openForm(WANG);
        _click(_get(Button.class, spec -> spec.withId("prefill-yes")));
        assertTrue(ResidentSession.hasTraces());

        ResidentSession.end(UI.getCurrent());
        assertFalse(PrefillConsent.of(WANG).isPresent(), "nothing of the answer is reachable after the wipe");
        openForm(WANG);
        assertTrue(asked());
    }

    @Test
    void the_question_is_asked_in_english_when_the_resident_chose_english() {
        appliedBefore(WANG, "13905510001", "4321");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        openForm(WANG);
        assertEquals("Fill in what you entered on this terminal last time?",
                _get(Paragraph.class, spec -> spec.withClasses("prefill-text")).getText());
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<String> method() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("delivery-method"));
    }

    @SuppressWarnings("unchecked")
    private static Select<Division> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    private static String preview() {
        return _get(Paragraph.class, spec -> spec.withId("delivery-address")).getText();
    }

    /** Whether the component is on screen (Karibu finds only visible ones). */
    private static boolean shown(String id) {
        return !_find(Component.class, spec -> spec.withId(id)).isEmpty();
    }

    private static void tap(TextField field) {
        ComponentUtil.fireEvent(field, new FocusNotifier.FocusEvent<>(field, true));
    }

    @Test
    void express_starts_from_the_cards_address_and_changes_by_pick_lists_and_keypads() {
        openForm(CHEN);
        _get(TextField.class, spec -> spec.withId("field-phone")).setValue("13905510003");
        assertFalse(shown("delivery-express"), "hidden until express");
        method().setValue("EXPRESS");

        assertEquals("水湖镇", select("delivery-township").getValue().name());
        assertEquals("水湖社区", DeliveryService.shortName(select("delivery-village").getValue()));
        assertEquals("9", _get(TextField.class, spec -> spec.withId("delivery-house")).getValue());
        assertEquals("寄送地址：安徽省合肥市长丰县水湖镇水湖社区双墩路9号", preview());

        Select<Division> village = select("delivery-village");
        Division jinhu = village.getListDataView().getItems()
                .filter(d -> DeliveryService.shortName(d).equals("锦湖社区")).findFirst().orElseThrow();
        village.setValue(jinhu);
        assertFalse(shown("delivery-street"),
                "the card's road belongs to the card's village");

        TextField house = _get(TextField.class, spec -> spec.withId("delivery-house"));
        assertFalse(shown("house-keypad"), "the keypad waits for a tap on its field");
        tap(house);
        assertTrue(shown("house-keypad"));
        _click(_get(Button.class, spec -> spec.withId("house-keypad-backspace")));
        for (String d : List.of("2", "7")) {
            _click(_get(Button.class, spec -> spec.withId("house-keypad-" + d)));
        }
        assertEquals("27", house.getValue());
        tap(_get(TextField.class, spec -> spec.withId("delivery-phone")));
        assertFalse(shown("house-keypad"), "one keypad at a time");
        assertTrue(shown("phone-keypad"));
        assertEquals("13905510003", _get(TextField.class, spec -> spec.withId("delivery-phone")).getValue(),
                "the courier's phone starts as the form's");
        assertEquals("寄送地址：安徽省合肥市长丰县水湖镇锦湖社区27号", preview());

        _click(_get(Button.class, spec -> spec.withId("to-review")));
        String review = _get(Div.class, spec -> spec.withId("review")).getElement().getTextRecursively();
        assertTrue(review.contains("安徽省合肥市长丰县水湖镇锦湖社区27号"), review);
        _click(_get(Button.class, spec -> spec.withId("submit")));

        SubmissionStore store = app.services().get(SubmissionStore.class);
        UUID id = store.findByApplicant(CHEN.idNumber()).getFirst().id();
        SubmissionStore.Delivery sealed = store.deliveryOf(id).orElseThrow();
        assertEquals("EXPRESS", sealed.method());
        assertEquals("安徽省合肥市长丰县水湖镇锦湖社区27号", sealed.to().address());
        assertEquals("13905510003", sealed.to().phone());
        var paper = new EscPosRenderer(app.printer().profile()).render(app.printer().lastJob().orElseThrow());
        String text = String.join("", paper.textLines()).replace(" ", "");
        assertTrue(text.contains("快递送达") && text.contains("锦湖社区27号") && text.contains("139****0003"), text);
        assertFalse(text.contains("13905510003"), "the phone is masked on paper");
    }

    @Test
    void express_without_a_house_number_or_village_is_not_taken_to_review() {
        openForm(WANG);
        _get(TextField.class, spec -> spec.withId("field-phone")).setValue("13905510001");
        method().setValue("EXPRESS");
        _get(Checkbox.class, spec -> spec.withId("delivery-street")).setValue(false);
        _get(TextField.class, spec -> spec.withId("delivery-house")).setValue("");
        _click(_get(Button.class, spec -> spec.withId("to-review")));
        assertFalse(shown("review"));
        assertTrue(_get(TextField.class, spec -> spec.withId("delivery-house")).isInvalid());

        select("delivery-township").setValue(select("delivery-township").getValue());
        _get(TextField.class, spec -> spec.withId("delivery-house")).setValue("18");
        _click(_get(Button.class, spec -> spec.withId("to-review")));
        assertTrue(shown("review"));
    }

    @Test
    void pickups_say_where_to_collect_the_result() {
        openForm(WANG);
        method().setValue("VILLAGE_POINT");
        assertEquals("领取地点：锦湖社区代办点", _get(Paragraph.class, spec -> spec.withId("delivery-place")).getText());
        method().setValue("WINDOW");
        assertTrue(_get(Paragraph.class, spec -> spec.withId("delivery-place")).getText().startsWith("领取地点："));
    }
}
