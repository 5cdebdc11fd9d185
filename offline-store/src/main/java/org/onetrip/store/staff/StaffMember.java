package org.onetrip.store.staff;

import java.util.Objects;

/**
 * One member of the agency roster.
 *
 * @param id   the staff card number: the ID number on the staff member's card (or in their staff QR), stored as
 *             given; it is the audit log's actor. Staff data, not a resident's, but never logged in full:
 *             {@link #maskedId()}
 * @param name as shown on agency screens and printed on authorisation slips
 */
public record StaffMember(String id, String name, Role role, PinHash pin) {
    public StaffMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(pin, "pin");
    }

    /** An agent files for residents; a supervisor may also do what agency supervision needs (statistics). */
    public enum Role {
        AGENT, SUPERVISOR;

        /** {@code agent} or {@code supervisor}, as the roster writes it. */
        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The card number with all but its first four and last two characters hidden, for logs. */
    public String maskedId() {
        return mask(id);
    }

    static String mask(String id) {
        if (id.length() <= 6) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 6) + id.substring(id.length() - 2);
    }

    @Override
    public String toString() {
        return "StaffMember[" + maskedId() + ", " + role.text() + "]";
    }
}
