-- Sealed submissions: immutable once written. body is the exact JSON sent on every upload attempt.
CREATE TABLE submission (
    id              TEXT PRIMARY KEY,          -- UUID, also the Idempotency-Key
    task_code       TEXT NOT NULL,
    item_name       TEXT NOT NULL,
    item_version    INTEGER NOT NULL,
    applicant_key   TEXT NOT NULL,             -- SM3 of the ID number with the terminal's salt: lookup by card tap
    applicant_mask  TEXT NOT NULL,             -- e.g. 王*兰 340121********123X
    sealed_at       TEXT NOT NULL,             -- ISO-8601 instant
    promised_by     TEXT,                      -- ISO-8601 date
    still_to_bring  TEXT NOT NULL DEFAULT '',  -- materials the resident must still bring, newline separated
    body            BLOB NOT NULL,
    body_sm3        TEXT NOT NULL,
    status          TEXT NOT NULL,             -- SEALED, SENT, ACCEPTED, … (see SubmissionStatus)
    project_no      TEXT,
    status_note     TEXT,
    status_at       TEXT NOT NULL
);
CREATE INDEX submission_applicant ON submission(applicant_key, sealed_at);

-- One row per submission until the platform has it.
CREATE TABLE outbox (
    submission_id   TEXT PRIMARY KEY REFERENCES submission(id),
    state           TEXT NOT NULL,             -- PENDING, QUARANTINED
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT
);

CREATE TABLE status_history (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id   TEXT NOT NULL REFERENCES submission(id),
    status          TEXT NOT NULL,
    note            TEXT,
    at              TEXT NOT NULL
);

-- Append-only, hash-chained: hash = SM3(prev_hash | at | actor | action | subject | detail).
CREATE TABLE audit_log (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    subject         TEXT NOT NULL,
    detail          TEXT NOT NULL DEFAULT '',
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE setting (
    name            TEXT PRIMARY KEY,
    value           TEXT NOT NULL
);
