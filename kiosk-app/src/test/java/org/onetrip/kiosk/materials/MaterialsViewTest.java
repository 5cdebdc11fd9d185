package org.onetrip.kiosk.materials;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.web.KaribuKiosk;
import org.onetrip.kiosk.apply.ApplyService;
import org.onetrip.kiosk.apply.FormView;
import org.onetrip.kiosk.apply.ProvidedMaterials;
import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.session.IdleGuard;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.web.KioskServices;
import org.onetrip.store.attachment.AttachmentRef;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * The materials step without a browser: what each material asks, declaring a commitment, bringing the original,
 * the idle timer paused while the camera is open, and skipping the step when there is nothing to do.
 */
class MaterialsViewTest {
    /** 法律援助申请: ID card (shared), income declaration (commitment allowed), case papers (must be provided). */
    static final String LEGAL_AID = "113401217953961867220013001";
    private static final String PENSION = "113401210034512345205002001";

    @TempDir
    Path dir;
    private KioskApplication app;

    @BeforeEach
    void setUp() throws Exception {
        app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir), Clock.system(KioskApplication.CHINA));
        KioskServices services = app.services();
        KaribuKiosk.setUp(services);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void each_material_says_what_is_left_to_do_and_a_commitment_must_be_chosen_before_going_on() {
        ResidentSession.current().identified(DemoCards.all().get(0));
        UI.getCurrent().navigate("materials/" + LEGAL_AID);
        assertInstanceOf(MaterialsView.class, UI.getCurrent().getCurrentView());
        assertEquals("免提交（部门共享获取）", state(0));
        assertEquals("可以签告知承诺免交，请选一项", state(1));
        assertEquals("请带原件到代办点", state(2), "no camera known: bring the original");
        assertFalse(any(Button.class, "material-photo-2").isVisible(),
                "no photo button before the browser said it has a camera");

        _click(_get(Button.class, spec -> spec.withId("materials-next")));
        assertInstanceOf(MaterialsView.class, UI.getCurrent().getCurrentView(), "the commitment is still open");
        assertTrue(_get(Paragraph.class, spec -> spec.withId("materials-problem")).getText().contains("还有材料没选"));

        _click(_get(Button.class, spec -> spec.withId("material-declare-1")));
        _click(_get(Button.class, spec -> spec.withId("material-bring-2")));
        assertEquals("已承诺，不用交 ✓", state(1));
        assertEquals("请带原件到代办点", state(2));
        ProvidedMaterials provided = MaterialChoices.current().provided(LEGAL_AID);
        assertEquals(Set.of("家庭收入、财产情况声明"), provided.declared());
        assertEquals(Set.of("与案件有关的材料"), provided.bringing());

        _click(_get(Button.class, spec -> spec.withId("materials-next")));
        assertInstanceOf(FormView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void the_privacy_timer_is_paused_while_the_camera_is_open() {
        ResidentSession.current().identified(DemoCards.all().get(0));
        UI.getCurrent().navigate("materials/" + LEGAL_AID);
        IdleGuard guard = ComponentUtil.getData(UI.getCurrent(), IdleGuard.class);
        PhotoPanel photos = any(PhotoPanel.class, "camera-panel");
        MaterialsView view = (MaterialsView) UI.getCurrent().getCurrentView();
        photos.open(app.services().get(ApplyService.class).item(LEGAL_AID).orElseThrow().materials().get(2));
        assertTrue(photos.isVisible() && guard.timer().paused(), "camera open: no countdown");
        _click(_get(Button.class, spec -> spec.withId("camera-cancel")));
        assertFalse(photos.isVisible() || guard.timer().paused(), "camera closed: the wait starts again");
        assertInstanceOf(MaterialsView.class, view);
    }

    @Test
    void an_item_with_nothing_to_provide_goes_straight_to_the_form() {
        ResidentSession.current().identified(DemoCards.all().get(0));
        UI.getCurrent().navigate("materials/" + PENSION);
        assertInstanceOf(FormView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void the_step_needs_a_card_and_an_item_offered_here() {
        UI.getCurrent().navigate("materials/" + LEGAL_AID);
        assertInstanceOf(HomeView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void english_names_the_choices_in_english() {
        UI.getCurrent().getSession().setLocale(Locale.ENGLISH);
        ResidentSession.current().identified(DemoCards.all().get(0));
        UI.getCurrent().navigate("materials/" + LEGAL_AID);
        assertEquals("A signed declaration can replace this: please choose", state(1));
        assertEquals("I declare it (no document)",
                _get(Button.class, spec -> spec.withId("material-declare-1")).getText());
    }

    @Test
    void choices_belong_to_one_item_and_start_afresh_for_another() {
        MaterialChoices choices = MaterialChoices.current().forItem(LEGAL_AID);
        choices.photographed("与案件有关的材料", new AttachmentRef("a".repeat(64), 3000, "image/jpeg"));
        assertEquals(Map.of("与案件有关的材料", new AttachmentRef("a".repeat(64), 3000, "image/jpeg")),
                MaterialChoices.current().provided(LEGAL_AID).photos());
        assertEquals(ProvidedMaterials.NONE, MaterialChoices.current().provided(PENSION));
        MaterialChoices.current().forItem(PENSION);
        assertEquals(ProvidedMaterials.NONE, MaterialChoices.current().provided(LEGAL_AID));
    }

    /** Finds a component whether or not it is visible (Karibu's locators see only visible ones). */
    static <T extends com.vaadin.flow.component.Component> T any(Class<T> type, String id) {
        return walk(UI.getCurrent()).filter(type::isInstance).map(type::cast)
                .filter(c -> id == null || id.equals(c.getId().orElse(null))).findFirst().orElseThrow();
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> walk(
            com.vaadin.flow.component.Component c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.getChildren().flatMap(
                MaterialsViewTest::walk));
    }

    private static String state(int index) {
        return _get(Span.class, spec -> spec.withId("material-state-" + index)).getText();
    }
}
