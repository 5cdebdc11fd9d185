package org.onetrip.kiosk.agency;

/** What a signed-in staff member may do: an agent files and keeps the ledger; a supervisor also sees statistics. */
public enum StaffRole {
    AGENT,
    SUPERVISOR;

    /** Whether this role includes everything {@code required} may do. */
    public boolean covers(StaffRole required) {
        return this == SUPERVISOR || this == required;
    }
}
