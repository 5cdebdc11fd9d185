-- Attachments: content-addressed files under <data-dir>/attachments/ab/abcdef… (SHA-256 of the bytes), one row each.
-- uploaded_at is when the platform acknowledged the bytes (PUT answered 201 or 200); NULL until then, so an
-- interrupted upload is simply sent again and the ones already acknowledged are not.
CREATE TABLE attachment (
    sha256          TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size            INTEGER NOT NULL CHECK (size >= 0),
    media_type      TEXT NOT NULL,
    stored_at       TEXT NOT NULL,
    uploaded_at     TEXT
);

-- Which attachments a sealed submission carries, in the order its body lists them. Written in the seal's
-- transaction; never changed after.
CREATE TABLE submission_attachment (
    submission_id   TEXT NOT NULL REFERENCES submission(id),
    ordinal         INTEGER NOT NULL,
    sha256          TEXT NOT NULL REFERENCES attachment(sha256),
    PRIMARY KEY (submission_id, ordinal)
);
CREATE INDEX submission_attachment_sha ON submission_attachment(sha256);

-- A sealed submission is immutable: what it says, for whom, under which item version, and the exact body.
CREATE TRIGGER submission_sealed_is_immutable
BEFORE UPDATE OF id, task_code, item_name, item_version, applicant_key, applicant_mask, sealed_at, promised_by,
                 still_to_bring, body, body_sm3 ON submission
BEGIN SELECT RAISE(ABORT, 'a sealed submission is immutable'); END;
CREATE TRIGGER submission_is_never_deleted BEFORE DELETE ON submission
BEGIN SELECT RAISE(ABORT, 'a sealed submission is never deleted'); END;
CREATE TRIGGER submission_attachment_no_update BEFORE UPDATE ON submission_attachment
BEGIN SELECT RAISE(ABORT, 'submission_attachment is immutable'); END;
CREATE TRIGGER submission_attachment_no_delete BEFORE DELETE ON submission_attachment
BEGIN SELECT RAISE(ABORT, 'submission_attachment is immutable'); END;
