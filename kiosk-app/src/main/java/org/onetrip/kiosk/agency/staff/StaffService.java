package org.onetrip.kiosk.agency.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.onetrip.hardware.idcard.IdNumbers;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.kiosk.agency.StaffRole;
import org.onetrip.kiosk.agency.StaffSession;
import org.onetrip.provisioning.bundle.BundleException;
import org.onetrip.provisioning.bundle.ProvisioningQr;
import org.onetrip.provisioning.bundle.StaffQr;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.staff.StaffMember;
import org.onetrip.store.staff.StaffSignIn;
import org.onetrip.store.uplink.CryptoException;
import org.onetrip.store.uplink.Sm2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;

/**
 * Agency mode's staff side for the screens: whether this site has agency mode at all, who a tapped card or
 * scanned staff QR (county-signed, {@link StaffQr}) is, the PIN check, and signing out (button or idle) with its audit entry.
 */
public final class StaffService {
    private static final Logger log = LoggerFactory.getLogger(StaffService.class);
    /** Staff screens sign out after this long untouched unless the terminal says otherwise. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);

    private final StaffSignIn signIn;
    private final TerminalConfig config;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Path countyKey;

    /** Without a county key: staff QRs are refused as not provisioned (cards still work). */
    public StaffService(StaffSignIn signIn, TerminalConfig config, Clock clock, Duration idleTimeout) {
        this(signIn, config, clock, idleTimeout, null);
    }

    /**
     * @param idleTimeout staff screens' idle sign-out ({@code staff.idle-timeout}); must be longer than the
     *                    resident's
     * @param countyKey   the county administrator's public key file, which signs staff QRs (read on each scan)
     */
    public StaffService(StaffSignIn signIn, TerminalConfig config, Clock clock, Duration idleTimeout,
                        Path countyKey) {
        if (idleTimeout.compareTo(config.residentIdleTimeout()) <= 0) {
            throw new IllegalArgumentException("staff.idle-timeout (" + idleTimeout.toSeconds() + " s) must be longer"
                    + " than resident.idle-timeout (" + config.residentIdleTimeout().toSeconds() + " s)");
        }
        this.signIn = signIn;
        this.config = config;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.countyKey = countyKey;
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

    /** What a scanned code comes to on the sign-in page. */
    public sealed interface QrCheck {
        /** A county-signed staff QR in time: whose it is (the PIN is still asked for). */
        record Accepted(String staffId) implements QrCheck {
        }

        /** Not accepted; {@code messageKey} is the sentence for the screen. */
        record Refused(String messageKey) implements QrCheck {
        }
    }

    /**
     * Checks a scanned code: a staff QR signed by the county key and not expired names its member; the old
     * unsigned form, a forged, altered or expired one, or any other code is refused with its own sentence.
     */
    public QrCheck checkQr(String scanned) {
        if (!StaffQr.looksLike(scanned)) {
            return new QrCheck.Refused("agency.sign-in.not-staff-qr");
        }
        if (countyKey == null || !Files.isRegularFile(countyKey)) {
            return refused("agency.sign-in.qr-not-provisioned", "no county key at " + countyKey);
        }
        try {
            PublicKey county = Sm2.parsePublicKey(Files.readString(countyKey, StandardCharsets.US_ASCII));
            StaffQr qr = StaffQr.verify(scanned, county, clock.instant());
            return new QrCheck.Accepted(qr.staffId());
        } catch (StaffQr.Unsigned e) {
            return refused("agency.sign-in.qr-unsigned", e.getMessage());
        } catch (ProvisioningQr.Expired e) {
            return refused("agency.sign-in.qr-expired", e.getMessage());
        } catch (BundleException | CryptoException e) {
            return refused("agency.sign-in.qr-refused", e.getMessage());
        } catch (IOException e) {
            return refused("agency.sign-in.qr-refused", "county key unreadable: " + e.getMessage());
        }
    }

    private static QrCheck refused(String key, String reason) {
        log.warn("staff QR refused: {}", reason);
        return new QrCheck.Refused(key);
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
