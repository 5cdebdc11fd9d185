-- 好差评 ratings (1–5) tied to a submission of this terminal. body is the exact JSON every upload sends.
CREATE TABLE evaluation (
    id              TEXT PRIMARY KEY,          -- UUID, also the Idempotency-Key
    submission_id   TEXT NOT NULL REFERENCES submission(id),
    rating          INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    created_at      TEXT NOT NULL,
    body            BLOB NOT NULL
);
CREATE INDEX evaluation_submission ON evaluation(submission_id);

-- Complaints and consultations (咨询投诉, forwarded as to 12345), optionally about a submission.
CREATE TABLE complaint (
    id              TEXT PRIMARY KEY,          -- UUID, also the Idempotency-Key
    submission_id   TEXT REFERENCES submission(id),
    category        TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    body            BLOB NOT NULL
);

CREATE TRIGGER evaluation_is_immutable BEFORE UPDATE ON evaluation
BEGIN SELECT RAISE(ABORT, 'an evaluation is immutable'); END;
CREATE TRIGGER complaint_is_immutable BEFORE UPDATE ON complaint
BEGIN SELECT RAISE(ABORT, 'a complaint is immutable'); END;

-- The queue of ratings and complaints to send: PENDING until the platform has it (then SENT, kept), or
-- QUARANTINED with the platform's reason.
CREATE TABLE feedback_outbox (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('EVALUATION', 'COMPLAINT')),
    state           TEXT NOT NULL CHECK (state IN ('PENDING', 'SENT', 'QUARANTINED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_attempt_at TEXT,
    last_error      TEXT,
    sent_at         TEXT
);
CREATE INDEX feedback_outbox_due ON feedback_outbox(state, next_attempt_at);
