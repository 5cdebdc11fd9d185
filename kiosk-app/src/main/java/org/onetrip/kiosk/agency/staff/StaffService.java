package org.onetrip.kiosk.agency.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.onetrip.hardware.idcard.IdNumbers;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.kiosk.agency.StaffRole;
import org.onetrip.kiosk.agency.StaffSession;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.staff.StaffMember;
import org.onetrip.store.staff.StaffSignIn;

import com.vaadin.flow.component.UI;

/**
 * Agency mode's staff side for the screens: whether this site has agency mode at all, who a tapped card or
 * scanned staff QR is, the PIN check, and signing out (button or idle) with its audit entry.
 */
public final class StaffService {
    /** A staff QR: {@code ONETRIP:STAFF:} and the staff card number. The PIN is still required. */
    public static final String STAFF_QR_PREFIX = "ONETRIP:STAFF:";
    /** Staff screens sign out after this long untouched unless the terminal says otherwise. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);

    private final StaffSignIn signIn;
    private final TerminalConfig config;
    private final Clock clock;
    private final Duration idleTimeout;

    /**
     * @param idleTimeout staff screens' idle sign-out ({@code staff.idle-timeout}); must be longer than the
     *                    resident's
     */
    public StaffService(StaffSignIn signIn, TerminalConfig config, Clock clock, Duration idleTimeout) {
        if (idleTimeout.compareTo(config.residentIdleTimeout()) <= 0) {
            throw new IllegalArgumentException("staff.idle-timeout (" + idleTimeout.toSeconds() + " s) must be longer"
                    + " than resident.idle-timeout (" + config.residentIdleTimeout().toSeconds() + " s)");
        }
        this.signIn = signIn;
        this.config = config;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    /** Agency mode is offered at village points and township halls, not at a kiosk in a public hall. */
    public boolean agencySite() {
        return config.siteType() == TerminalConfig.SiteType.VILLAGE_POINT
                || config.siteType() == TerminalConfig.SiteType.TOWNSHIP_HALL;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Clock clock() {
        return clock;
    }

    /** The staff card number in a scanned staff QR, if it is one. */
    public static Optional<String> staffIdOfQr(String scanned) {
        String t = scanned == null ? "" : scanned.strip();
        if (t.toUpperCase(Locale.ROOT).startsWith(STAFF_QR_PREFIX) && t.length() > STAFF_QR_PREFIX.length()) {
            return Optional.of(t.substring(STAFF_QR_PREFIX.length()).strip().toUpperCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    /** The member whose card or QR this is, if on the roster; the PIN pad shows only then. */
    public Optional<StaffMember> member(String staffId) {
        return signIn.member(staffId);
    }

    public Optional<java.time.Instant> lockedUntil(String staffId) {
        return signIn.lockedUntil(staffId);
    }

    /** Checks the PIN; on success the staff member is signed in on the current Vaadin session. */
    public StaffSignIn.Outcome signIn(String staffId, String pin) {
        StaffSignIn.Outcome outcome = signIn.attempt(staffId, pin);
        if (outcome instanceof StaffSignIn.Outcome.Accepted(StaffMember m)) {
            StaffSession.signIn(new StaffSession(m.id(), m.name(), StaffRole.valueOf(m.role().name()),
                    clock.instant()));
        }
        return outcome;
    }

    /**
     * Signs the staff member of {@code ui}'s session out: audit entry, then the whole HTTP session is dropped (with
     * any resident's card and the case in progress) and the home screen reloads.
     */
    public void signOut(UI ui, String reason) {
        StaffSession.current().ifPresent(s -> signIn.signedOut(s.staffId(), reason));
        StaffSession.signOut();
        ui.getPage().setLocation("/");
        ui.getSession().getSession().invalidate();
    }

    /**
     * A staff member on the residents' home screen has left agency mode: signed out ({@code reason=home}), so an
     * untouched home screen, which the resident privacy timeout leaves alone, never keeps a staff session open.
     */
    public void signOutAtResidentHome() {
        StaffSession.current().ifPresent(s -> {
            signIn.signedOut(s.staffId(), "home");
            StaffSession.signOut();
        });
    }

    /** The demo point's staff cards (王芳, agent; 张伟, supervisor), matching the shipped demo roster. */
    public static List<IdentityCard> demoCards() {
        return List.of(card("王芳", "女", LocalDate.of(1985, 4, 15), "046"),
                card("张伟", "男", LocalDate.of(1978, 9, 2), "013"));
    }

    private static IdentityCard card(String name, String sex, LocalDate birth, String sequence) {
        String first17 = "340121" + birth.toString().replace("-", "") + sequence;
        return new IdentityCard(IdentityCard.CardType.RESIDENT, name, sex, "汉", birth, "安徽省合肥市长丰县水湖镇",
                first17 + IdNumbers.checkCharacter(first17), "长丰县公安局", LocalDate.of(2019, 6, 1),
                Optional.of(LocalDate.of(2039, 6, 1)));
    }
}
