package org.onetrip.store.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.staff.StaffSignIn.Outcome;
import org.onetrip.store.testing.StoreFixture;

class StaffSignInTest {
    static final String AGENT = "34012119850415046X";
    static final Roster ROSTER = new Roster(List.of(new StaffMember(AGENT, "王芳", StaffMember.Role.AGENT,
            PinHash.of("246810", PinHash.MIN_ITERATIONS, new Random(8)))));

    @TempDir
    Path directory;
    private StoreFixture fixture;
    private StaffSignIn signIn;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory.resolve("store.db"));
        signIn = new StaffSignIn(fixture.db, fixture.audit, fixture.clock, () -> ROSTER);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void the_right_pin_signs_in_and_resets_the_count_of_wrong_ones() {
        assertEquals(new Outcome.Wrong(4), signIn.attempt(AGENT, "111111"));
        assertEquals(new Outcome.Wrong(3), signIn.attempt(AGENT, "222222"));
        Outcome ok = signIn.attempt(AGENT, "246810");
        assertEquals("王芳", assertInstanceOf(Outcome.Accepted.class, ok).member().name());
        assertEquals(new Outcome.Wrong(4), signIn.attempt(AGENT, "333333"), "the count starts again");
    }

    @Test
    void five_wrong_pins_lock_the_card_for_five_minutes_even_against_the_right_pin() {
        for (int left = 4; left >= 1; left--) {
            assertEquals(new Outcome.Wrong(left), signIn.attempt(AGENT, "000000"));
        }
        Outcome locked = signIn.attempt(AGENT, "000000");
        assertEquals(new Outcome.Locked(StoreFixture.START.plus(StaffSignIn.LOCKOUT)), locked);

        fixture.clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertInstanceOf(Outcome.Locked.class, signIn.attempt(AGENT, "246810"));
        fixture.clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(Outcome.Accepted.class, signIn.attempt(AGENT, "246810"));
    }

    @Test
    void the_lockout_survives_a_restart_of_the_terminal() {
        for (int i = 0; i < StaffSignIn.MAX_FAILURES; i++) {
            signIn.attempt(AGENT, "000000");
        }
        fixture.close();
        fixture = new StoreFixture(directory.resolve("store.db"), fixture.clock);
        StaffSignIn afterRestart = new StaffSignIn(fixture.db, fixture.audit, fixture.clock, () -> ROSTER);
        assertTrue(afterRestart.lockedUntil(AGENT).isPresent());
        assertInstanceOf(Outcome.Locked.class, afterRestart.attempt(AGENT, "246810"));
    }

    @Test
    void after_a_lockout_expires_the_card_again_has_five_tries() {
        for (int i = 0; i < StaffSignIn.MAX_FAILURES; i++) {
            signIn.attempt(AGENT, "000000");
        }
        fixture.clock.advance(StaffSignIn.LOCKOUT);
        assertEquals(new Outcome.Wrong(4), signIn.attempt(AGENT, "000000"));
    }

    @Test
    void a_card_not_on_the_roster_gets_no_pin_check_and_is_audited_only_masked() {
        assertEquals(new Outcome.UnknownCard(), signIn.attempt("340121194803120024", "246810"));
        String audit = fixture.rows("SELECT actor, action, subject FROM audit_log").toString();
        assertTrue(audit.contains("staff.unknown-card") && audit.contains("3401************24"), audit);
        assertTrue(!audit.contains("340121194803120024"), audit);
    }

    @Test
    void every_sign_in_wrong_pin_lockout_and_sign_out_is_in_the_audit_chain_with_the_staff_id_as_actor() {
        signIn.attempt(AGENT, "246810");
        signIn.signedOut(AGENT, "button");
        for (int i = 0; i < StaffSignIn.MAX_FAILURES; i++) {
            signIn.attempt(AGENT, "000000");
        }
        signIn.attempt(AGENT, "246810");
        var rows = fixture.rows("SELECT actor, action FROM audit_log ORDER BY seq");
        assertEquals(List.of("staff.signed-in", "staff.signed-out", "staff.wrong-pin", "staff.wrong-pin",
                "staff.wrong-pin", "staff.wrong-pin", "staff.wrong-pin", "staff.locked-out", "staff.sign-in-refused"),
                rows.stream().map(r -> r.get("action")).toList());
        assertEquals(java.util.Set.of(AGENT), rows.stream().map(r -> r.get("actor")).collect(Collectors.toSet()));
        assertEquals(-1L, (long) fixture.db.read(c -> fixture.audit.firstBrokenEntry(c)));
    }
}
