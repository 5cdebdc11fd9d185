-- A seal writes one page per B-tree it touches, and every page is WAL volume the seal's fsync waits for.
-- The outbox keeps its rows in its primary key (WITHOUT ROWID: one B-tree, not a table plus its key index), and
-- status_history and audit_log number their rows without AUTOINCREMENT (which rewrote the sqlite_sequence page
-- on every insert). Rows are never deleted from either (audit_log forbids it), so max(seq) + 1 numbers them
-- exactly as AUTOINCREMENT did.
CREATE TABLE outbox_rebuilt (
    submission_id   TEXT PRIMARY KEY REFERENCES submission(id),
    state           TEXT NOT NULL,             -- PENDING, QUARANTINED
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    last_attempt_at TEXT,
    quarantined_at  TEXT
) WITHOUT ROWID;
INSERT INTO outbox_rebuilt (submission_id, state, attempts, next_attempt_at, last_error, last_attempt_at, quarantined_at)
SELECT submission_id, state, attempts, next_attempt_at, last_error, last_attempt_at, quarantined_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_rebuilt RENAME TO outbox;

CREATE TABLE status_history_rebuilt (
    seq             INTEGER PRIMARY KEY,
    submission_id   TEXT NOT NULL REFERENCES submission(id),
    status          TEXT NOT NULL,
    note            TEXT,
    at              TEXT NOT NULL
);
INSERT INTO status_history_rebuilt (seq, submission_id, status, note, at)
SELECT seq, submission_id, status, note, at FROM status_history;
DROP TABLE status_history;
ALTER TABLE status_history_rebuilt RENAME TO status_history;

-- Append-only, hash-chained: hash = SM3(prev_hash | at | actor | action | subject | detail). The rows are
-- copied as they are; the chain does not cover seq.
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
CREATE TABLE audit_log_rebuilt (
    seq             INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    subject         TEXT NOT NULL,
    detail          TEXT NOT NULL DEFAULT '',
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL
);
INSERT INTO audit_log_rebuilt (seq, at, actor, action, subject, detail, prev_hash, hash)
SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_rebuilt RENAME TO audit_log;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
