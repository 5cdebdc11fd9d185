-- Agency mode (全程代办), issue 8 part A: staff sign-in lockout, authorisations (委托) and filings on a resident's
-- behalf. Staff are named by their staff card number (staff data, not a resident's); residents only by the salted
-- SM3 key and the masked form the submission table already uses.

-- Wrong PINs in a row per staff card, and until when the card is locked. Survives a restart, so pulling the plug
-- does not reset the lockout.
CREATE TABLE staff_lockout (
    staff_id        TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT                       -- ISO-8601 instant; NULL when not locked
);

-- A resident's authorisation (委托) of an agent for one item, recorded when the resident taps their card.
CREATE TABLE agency_authorisation (
    id              TEXT PRIMARY KEY,          -- UUID
    resident_key    TEXT NOT NULL,             -- SubmissionStore.applicantKey of the resident's ID number
    resident_mask   TEXT NOT NULL,             -- e.g. 王*兰 340121********002X
    task_code       TEXT NOT NULL,
    item_name       TEXT NOT NULL,
    staff_id        TEXT NOT NULL,
    slip_required   INTEGER NOT NULL,          -- 1: the item needs the resident's signature on a printed slip
    at              TEXT NOT NULL
);
CREATE TRIGGER agency_authorisation_no_update BEFORE UPDATE ON agency_authorisation
BEGIN SELECT RAISE(ABORT, 'an authorisation is immutable'); END;
CREATE TRIGGER agency_authorisation_no_delete BEFORE DELETE ON agency_authorisation
BEGIN SELECT RAISE(ABORT, 'an authorisation is never deleted'); END;

-- A submission an agent filed for a resident: written in the seal's own transaction.
CREATE TABLE agency_filing (
    submission_id    TEXT PRIMARY KEY REFERENCES submission(id),
    authorisation_id TEXT NOT NULL REFERENCES agency_authorisation(id),
    staff_id         TEXT NOT NULL,
    sealed_at        TEXT NOT NULL
);
CREATE INDEX agency_filing_staff ON agency_filing(staff_id, sealed_at);

-- The materials of a filing: which attachment is which material, its trust level (C as photographed, B once the
-- agent checked it against the original) and who checked it.
CREATE TABLE agency_material (
    submission_id   TEXT NOT NULL REFERENCES agency_filing(submission_id),
    ordinal         INTEGER NOT NULL,
    material        TEXT NOT NULL,
    sha256          TEXT NOT NULL REFERENCES attachment(sha256),
    trust           TEXT NOT NULL CHECK (trust IN ('B', 'C')),
    checked_by      TEXT,                      -- staff id; NULL for trust C
    PRIMARY KEY (submission_id, ordinal)
);
CREATE TRIGGER agency_filing_no_update BEFORE UPDATE ON agency_filing
BEGIN SELECT RAISE(ABORT, 'a filing is immutable'); END;
CREATE TRIGGER agency_material_no_update BEFORE UPDATE ON agency_material
BEGIN SELECT RAISE(ABORT, 'a filed material is immutable'); END;
