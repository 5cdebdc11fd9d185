-- The intake simulator's schema. Instants are ISO-8601 UTC text (Instant.toString, millisecond precision).

-- Enrolled terminals: a revoked terminal, or one revoked before it was ever enrolled, gets 403.
CREATE TABLE terminal (
    terminal_id    TEXT    NOT NULL PRIMARY KEY,
    public_key_pem TEXT,
    revoked        INTEGER NOT NULL CHECK (revoked IN (0, 1)),
    updated_at     TEXT    NOT NULL
);

-- Content-addressed attachments, per terminal; the bytes exactly as received.
CREATE TABLE attachment (
    terminal_id TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    content     BLOB NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (terminal_id, sha256)
);

-- Idempotency keys, kept forever: the SHA-256 of the first body and the first answer, replayed on repeats.
CREATE TABLE idempotency (
    terminal_id     TEXT NOT NULL,
    endpoint        TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    body_sha256     TEXT NOT NULL,
    response_body   BLOB NOT NULL,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (terminal_id, endpoint, idempotency_key)
);

-- Received submissions; receipt_no is the receipt order over all terminals (it drives the correction cadence),
-- steps_applied how many schedule steps are already in status_change.
CREATE TABLE submission (
    receipt_no    INTEGER PRIMARY KEY AUTOINCREMENT,
    terminal_id   TEXT    NOT NULL,
    submission_id TEXT    NOT NULL,
    project_no    TEXT    NOT NULL UNIQUE,
    task_code     TEXT    NOT NULL,
    received_at   TEXT    NOT NULL,
    body          BLOB    NOT NULL,
    steps_applied INTEGER NOT NULL DEFAULT 0,
    UNIQUE (terminal_id, submission_id)
);

-- The 6-digit daily sequence of project numbers; day is yyyyMMdd in China Standard Time.
CREATE TABLE daily_sequence (
    day      TEXT    NOT NULL PRIMARY KEY,
    last_seq INTEGER NOT NULL
);

-- The status change log; seq is the cursor of GET /api/v1/status.
CREATE TABLE status_change (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    terminal_id   TEXT NOT NULL,
    submission_id TEXT NOT NULL,
    project_no    TEXT NOT NULL,
    status        TEXT NOT NULL,
    note          TEXT,
    at            TEXT NOT NULL
);
CREATE INDEX status_change_by_terminal ON status_change (terminal_id, seq);

-- 好差评 ratings, the bytes exactly as received.
CREATE TABLE evaluation (
    terminal_id     TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    body            BLOB NOT NULL,
    received_at     TEXT NOT NULL,
    PRIMARY KEY (terminal_id, idempotency_key)
);

-- The last heartbeat of each terminal.
CREATE TABLE heartbeat (
    terminal_id TEXT NOT NULL PRIMARY KEY,
    body        BLOB NOT NULL,
    received_at TEXT NOT NULL
);
