package org.onetrip.store.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;
import org.onetrip.store.db.Instants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a staff card and PIN against the roster. Five wrong PINs in a row lock the card for five minutes; the
 * count and the lock are in SQLite ({@code staff_lockout}), so a restart does not reset them. Every sign-in,
 * wrong PIN, lockout and sign-out is appended to the audit log with the staff card number as actor.
 */
public final class StaffSignIn {
    private static final Logger log = LoggerFactory.getLogger(StaffSignIn.class);
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(5);
    /**
     * Compared against for an unknown card, so an unknown card costs the same time as a known one. Its digest is
     * all zeros, which no PIN derives to; built without deriving one, as deriving it cost every start ~0.5 s.
     */
    private static final PinHash DECOY = new PinHash(PinHash.DEFAULT_ITERATIONS, new byte[PinHash.SALT_BYTES],
            new byte[PinHash.HASH_BYTES]);

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<Roster> roster;

    /** @param roster the roster in force (re-read by the caller when a bundle is applied) */
    public StaffSignIn(Database db, AuditLog audit, Clock clock, Supplier<Roster> roster) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.roster = roster;
    }

    /** What a sign-in attempt came to. */
    public sealed interface Outcome {
        record Accepted(StaffMember member) implements Outcome {
        }

        /** The PIN was wrong; {@code left} more wrong PINs lock the card. */
        record Wrong(int left) implements Outcome {
        }

        record Locked(Instant until) implements Outcome {
        }

        /** The card is not on this point's roster (a resident's card, or a member not provisioned here). */
        record UnknownCard() implements Outcome {
        }
    }

    /** Whether {@code staffId} is on the roster: the sign-in page asks for a PIN only then. */
    public Optional<StaffMember> member(String staffId) {
        return roster.get().find(staffId);
    }

    /** Until when {@code staffId} is locked, if it is now. */
    public Optional<Instant> lockedUntil(String staffId) {
        Instant now = clock.instant();
        return db.read(c -> state(c, staffId)).lockedUntil().filter(now::isBefore);
    }

    public Outcome attempt(String staffId, String pin) {
        Optional<StaffMember> found = member(staffId);
        if (found.isEmpty()) {
            DECOY.matches(pin == null ? "" : pin);
            db.inTransaction(c -> audit.append(c, "unknown-staff-card", "staff.unknown-card",
                    StaffMember.mask(staffId == null ? "" : staffId), ""));
            return new Outcome.UnknownCard();
        }
        StaffMember member = found.get();
        Optional<Instant> locked = lockedUntil(member.id());
        if (locked.isPresent()) {
            db.inTransaction(c -> audit.append(c, member.id(), "staff.sign-in-refused", member.id(),
                    "locked until " + Instants.format(locked.get())));
            return new Outcome.Locked(locked.get());
        }
        boolean right = member.pin().matches(pin);
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            if (right) {
                save(c, member.id(), 0, null);
                audit.append(c, member.id(), "staff.signed-in", member.id(), "role=" + member.role().text());
                log.info("staff[{}]: signed in as {}", member.maskedId(), member.role().text());
                return new Outcome.Accepted(member);
            }
            State s = state(c, member.id());
            int failures = (s.lockedUntil().isPresent() ? 0 : s.failures()) + 1;
            audit.append(c, member.id(), "staff.wrong-pin", member.id(), "failures=" + failures);
            if (failures >= MAX_FAILURES) {
                Instant until = now.plus(LOCKOUT);
                save(c, member.id(), 0, until);
                audit.append(c, member.id(), "staff.locked-out", member.id(), "until " + Instants.format(until));
                log.warn("staff[{}]: locked out for {} min after {} wrong PINs", member.maskedId(),
                        LOCKOUT.toMinutes(), MAX_FAILURES);
                return new Outcome.Locked(until);
            }
            save(c, member.id(), failures, null);
            return new Outcome.Wrong(MAX_FAILURES - failures);
        });
    }

    /** Records a sign-out ({@code reason}: {@code button}, {@code idle}). */
    public void signedOut(String staffId, String reason) {
        db.inTransaction(c -> audit.append(c, staffId, "staff.signed-out", staffId, "reason=" + reason));
        log.info("staff[{}]: signed out ({})", StaffMember.mask(staffId), reason);
    }

    private record State(int failures, Optional<Instant> lockedUntil) {
    }

    private static final String SELECT = "SELECT failures, locked_until FROM staff_lockout WHERE staff_id = ?";
    private static final String UPSERT = """
            INSERT INTO staff_lockout (staff_id, failures, locked_until) VALUES (?, ?, ?)
            ON CONFLICT(staff_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until
            """;

    private static State state(Connection c, String staffId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, staffId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new State(0, Optional.empty());
                }
                String until = rs.getString(2);
                return new State(rs.getInt(1), until == null ? Optional.empty() : Optional.of(Instant.parse(until)));
            }
        }
    }

    private static void save(Connection c, String staffId, int failures, Instant lockedUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, staffId);
            ps.setInt(2, failures);
            ps.setString(3, lockedUntil == null ? null : Instants.format(lockedUntil));
            ps.executeUpdate();
        }
    }
}
