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
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.web.KaribuKiosk;
import org.onetrip.kiosk.agency.staff.SignInView;
import org.onetrip.kiosk.agency.staff.StaffLink;
import org.onetrip.kiosk.agency.staff.StaffService;
import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.session.HandClock;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.web.KioskServices;
import org.onetrip.provisioning.bundle.StaffQr;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.staff.StaffSignIn;
import org.onetrip.store.uplink.Sm2;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.RouterLink;

/**
 * Agency mode without a browser, on a clock the test moves: no staff screen renders without a signed-in staff
 * member (a resident's session included), the 工作人员 link only at agency sites, the PIN check signing in, and
 * the staff idle sign-out and the sign-out button, both audited.
 */
class AgencyGuardTest {
    static final String AGENT = "34012119850415046X";

    /** One running terminal for the class (starting one takes seconds); audit checks look past {@link #mark}. */
    @TempDir
    static Path dir;
    private static final HandClock clock = new HandClock();
    private static KioskApplication app;
    private long mark;

    @BeforeAll
    static void startTerminal() throws Exception {
        app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir), clock);
        app.start();
    }

    @AfterAll
    static void stopTerminal() throws Exception {
        app.stop();
    }

    @BeforeEach
    void setUp() throws Exception {
        mark = lastSeq();
        KioskServices services = app.services();
        KaribuKiosk.setUp(services);
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
    }

    private StaffService staff() {
        return app.services().get(StaffService.class);
    }

    @Test
    void no_staff_screen_renders_without_a_staff_member_even_for_a_resident_with_a_card() {
        List<String> routes = List.of("agency", "agency/file", "agency/file/form",
                "agency/file/authorise/113401215201123880205013001", "agency/file/done/" + UUID.randomUUID());
        for (String route : routes) {
            UI.getCurrent().navigate(route);
            assertInstanceOf(SignInView.class, UI.getCurrent().getCurrentView(), route);
        }
        ResidentSession.current().identified(DemoCards.all().getFirst());
        for (String route : routes) {
            UI.getCurrent().navigate(route);
            assertInstanceOf(SignInView.class, UI.getCurrent().getCurrentView(), "with a resident's card: " + route);
        }
        assertTrue(_find(Button.class, spec -> spec.withId("agency-file")).isEmpty());
    }

    @Test
    void the_staff_link_is_on_the_home_screen_of_a_village_point_and_leads_only_to_sign_in() {
        UI.getCurrent().navigate(HomeView.class);
        RouterLink link = _get(RouterLink.class, spec -> spec.withId("staff-link"));
        assertEquals("工作人员", link.getText());
        assertEquals(StaffSessionRoute.SIGN_IN, link.getHref());
    }

    @Test
    void the_staff_screens_speak_english_when_the_resident_switched_the_language() {
        UI.getCurrent().getSession().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate(SignInView.class);
        assertTrue(_get(SignInView.class).getElement().getTextRecursively().contains("Staff sign-in"));
        staff().signIn(AGENT, "246810");
        UI.getCurrent().navigate(AgencyHomeView.class);
        assertEquals("File for a resident", _get(Button.class, spec -> spec.withId("agency-file")).getText());
    }

    @Test
    void only_a_county_signed_staff_qr_in_time_names_the_member_and_each_refusal_has_its_own_sentence()
            throws Exception {
        KeyPair county = Sm2.generateKeyPair();
        Path countyKey = new TerminalFiles(dir).countyKey();
        Files.createDirectories(countyKey.getParent());
        Files.writeString(countyKey, Sm2.publicKeyPem(county.getPublic()));
        try {
            Instant now = clock.instant();
            String genuine = new StaffQr("340121197809020135", now, now.plus(Duration.ofDays(180)), "n1")
                    .sign(county.getPrivate());
            assertEquals(new StaffService.QrCheck.Accepted("340121197809020135"), staff().checkQr(genuine + "\r\n"));

            assertEquals(refused("agency.sign-in.qr-unsigned"), staff().checkQr("ONETRIP:STAFF:340121197809020135"));
            String forged = new StaffQr("340121197809020135", now, now.plus(Duration.ofDays(1)), "n2")
                    .sign(Sm2.generateKeyPair().getPrivate());
            assertEquals(refused("agency.sign-in.qr-refused"), staff().checkQr(forged));
            String payload = StaffQr.decodePayload(genuine).replace("340121197809020135", "34012119850415046X");
            String altered = StaffQr.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    payload.getBytes(StandardCharsets.UTF_8)) + genuine.substring(genuine.lastIndexOf('.'));
            assertEquals(refused("agency.sign-in.qr-refused"), staff().checkQr(altered), "another member's id");
            String expired = new StaffQr("340121197809020135", now.minus(Duration.ofDays(200)),
                    now.minus(Duration.ofDays(20)), "n3").sign(county.getPrivate());
            assertEquals(refused("agency.sign-in.qr-expired"), staff().checkQr(expired));
            assertEquals(refused("agency.sign-in.not-staff-qr"), staff().checkQr("ZW1:abc"));
            StaffService unprovisioned = new StaffService(null, TerminalConfig.demo(), clock,
                    StaffService.DEFAULT_IDLE);
            assertEquals(refused("agency.sign-in.qr-not-provisioned"), unprovisioned.checkQr(genuine));
        } finally {
            Files.delete(countyKey);
        }
    }

    private static StaffService.QrCheck refused(String key) {
        return new StaffService.QrCheck.Refused(key);
    }

    @Test
    void a_staff_member_who_reaches_the_residents_home_screen_is_signed_out() throws Exception {
        staff().signIn(AGENT, "246810");
        UI.getCurrent().navigate(AgencyHomeView.class);
        UI.getCurrent().navigate(HomeView.class);
        assertTrue(StaffSession.current().isEmpty());
        UI.getCurrent().navigate("agency");
        assertInstanceOf(SignInView.class, UI.getCurrent().getCurrentView());
        assertEquals(List.of("staff.signed-in:" + AGENT, "staff.signed-out:" + AGENT + ":reason=home"), audit());
    }

    @Test
    void a_public_kiosk_has_no_staff_link() {
        TerminalConfig hall = new TerminalConfig("t-kiosk-01", "政务服务大厅", TerminalConfig.SiteType.KIOSK,
                TerminalConfig.demo().region(), null, Duration.ofSeconds(60));
        StaffService atKiosk = new StaffService(null, hall, clock, StaffService.DEFAULT_IDLE);
        assertFalse(atKiosk.agencySite());
        assertTrue(StaffLink.forHome(atKiosk).isEmpty());
        assertTrue(staff().agencySite(), "the demo is a village point");
    }

    @Test
    void the_right_pin_signs_the_agent_in_and_opens_the_agency_home() {
        assertInstanceOf(StaffSignIn.Outcome.Wrong.class, staff().signIn(AGENT, "111111"));
        assertTrue(StaffSession.current().isEmpty());
        assertInstanceOf(StaffSignIn.Outcome.Accepted.class, staff().signIn(AGENT, "246810"));
        StaffSession s = StaffSession.current().orElseThrow();
        assertEquals("王芳", s.name());
        assertEquals(StaffRole.AGENT, s.role());
        UI.getCurrent().navigate(AgencyHomeView.class);
        assertInstanceOf(AgencyHomeView.class, UI.getCurrent().getCurrentView());
        assertTrue(_get(org.onetrip.kiosk.agency.AgencyLayout.class).getElement().getTextRecursively()
                .contains("王芳"));
    }

    @Test
    void an_untouched_staff_screen_signs_out_after_the_staff_timeout_not_the_resident_one() throws Exception {
        staff().signIn(AGENT, "246810");
        UI.getCurrent().navigate(AgencyHomeView.class);
        StaffIdleGuard guard = _get(StaffIdleGuard.class);

        clock.advance(app.services().get(TerminalConfig.class).residentIdleTimeout().plusSeconds(5));
        guard.check();
        assertTrue(StaffSession.current().isPresent(), "a resident's timeout does not sign staff out");
        clock.advance(StaffService.DEFAULT_IDLE.minusSeconds(15).minus(Duration.ofSeconds(65)));
        guard.check();
        assertTrue(guard.getText().contains("秒后自动退出登录"), guard.getText());

        clock.advance(Duration.ofSeconds(15));
        guard.check();
        assertTrue(StaffSession.current().isEmpty());
        assertEquals(List.of("staff.signed-in:" + AGENT, "staff.signed-out:" + AGENT + ":reason=idle"), audit());
    }

    @Test
    void the_sign_out_button_ends_the_staff_session_and_is_audited() throws Exception {
        staff().signIn(AGENT, "246810");
        UI.getCurrent().navigate(AgencyHomeView.class);
        _click(_get(Button.class, spec -> spec.withId("staff-sign-out")));
        assertTrue(StaffSession.current().isEmpty());
        assertEquals(List.of("staff.signed-in:" + AGENT, "staff.signed-out:" + AGENT + ":reason=button"), audit());
    }

    private List<String> audit() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT action, actor, detail FROM audit_log WHERE action LIKE 'staff.%'"
                     + " AND seq > " + mark + " ORDER BY seq")) {
            while (rs.next()) {
                out.add(rs.getString(1) + ":" + rs.getString(2)
                        + (rs.getString(1).equals("staff.signed-out") ? ":" + rs.getString(3) : ""));
            }
        }
        return out;
    }

    private static long lastSeq() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(seq) FROM audit_log")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The route the 工作人员 link must lead to. */
    private static final class StaffSessionRoute {
        static final String SIGN_IN = StaffSession.SIGN_IN_ROUTE;
    }
}
