-- Retention (issue 10 item 3): a configurable time after the platform confirmed a case (DONE, DELIVERED or
-- REJECTED, and nothing of it left in the outbox), its resident data is purged: the sealed body becomes empty, its
-- attachment links and files go, the bodies of its ratings and complaints become empty. What the ledger and the
-- statistics read stays: the row with its item, mask, dates, statuses and history; ratings and complaint
-- categories (already columns); the trust levels of an agency filing's materials. purged_at says when; a purge is
-- final and is the only change a sealed body, rating or complaint ever sees.
ALTER TABLE submission ADD COLUMN purged_at TEXT;
ALTER TABLE evaluation ADD COLUMN purged_at TEXT;
ALTER TABLE complaint ADD COLUMN purged_at TEXT;

DROP TRIGGER IF EXISTS submission_sealed_is_immutable;
CREATE TRIGGER submission_sealed_is_immutable
BEFORE UPDATE OF id, task_code, item_name, item_version, applicant_key, applicant_mask, sealed_at, promised_by,
                 still_to_bring, body_sm3 ON submission
BEGIN SELECT RAISE(ABORT, 'a sealed submission is immutable'); END;
CREATE TRIGGER submission_body_changes_only_by_purge
BEFORE UPDATE OF body ON submission
WHEN OLD.purged_at IS NOT NULL OR NEW.purged_at IS NULL OR length(NEW.body) <> 0
BEGIN SELECT RAISE(ABORT, 'a sealed submission is immutable (its body can only be purged)'); END;
CREATE TRIGGER submission_purge_is_final
BEFORE UPDATE OF purged_at ON submission
WHEN OLD.purged_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a purged submission stays purged'); END;

DROP TRIGGER IF EXISTS submission_attachment_no_delete;
CREATE TRIGGER submission_attachment_no_delete BEFORE DELETE ON submission_attachment
WHEN (SELECT purged_at FROM submission WHERE id = OLD.submission_id) IS NULL
BEGIN SELECT RAISE(ABORT, 'submission_attachment is immutable'); END;

-- agency_material keeps which material was checked by whom at which trust level; its file reference becomes NULL
-- when the case is purged (the attachment row and file are gone).
DROP TRIGGER IF EXISTS agency_material_no_update;
CREATE TABLE agency_material_rebuilt (
    submission_id   TEXT NOT NULL REFERENCES agency_filing(submission_id),
    ordinal         INTEGER NOT NULL,
    material        TEXT NOT NULL,
    sha256          TEXT REFERENCES attachment(sha256),   -- NULL once the case is purged
    trust           TEXT NOT NULL CHECK (trust IN ('B', 'C')),
    checked_by      TEXT,                      -- staff id; NULL for trust C
    PRIMARY KEY (submission_id, ordinal)
);
INSERT INTO agency_material_rebuilt (submission_id, ordinal, material, sha256, trust, checked_by)
SELECT submission_id, ordinal, material, sha256, trust, checked_by FROM agency_material;
DROP TABLE agency_material;
ALTER TABLE agency_material_rebuilt RENAME TO agency_material;
CREATE TRIGGER agency_material_no_update BEFORE UPDATE ON agency_material
WHEN NOT (NEW.sha256 IS NULL AND NEW.submission_id = OLD.submission_id AND NEW.ordinal = OLD.ordinal
          AND NEW.material = OLD.material AND NEW.trust = OLD.trust AND NEW.checked_by IS OLD.checked_by
          AND (SELECT purged_at FROM submission WHERE id = OLD.submission_id) IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'a filed material is immutable'); END;

DROP TRIGGER IF EXISTS evaluation_is_immutable;
CREATE TRIGGER evaluation_is_immutable BEFORE UPDATE ON evaluation
WHEN NOT (OLD.purged_at IS NULL AND NEW.purged_at IS NOT NULL AND length(NEW.body) = 0 AND NEW.id = OLD.id
          AND NEW.submission_id = OLD.submission_id AND NEW.rating = OLD.rating AND NEW.created_at = OLD.created_at)
BEGIN SELECT RAISE(ABORT, 'an evaluation is immutable'); END;
DROP TRIGGER IF EXISTS complaint_is_immutable;
CREATE TRIGGER complaint_is_immutable BEFORE UPDATE ON complaint
WHEN NOT (OLD.purged_at IS NULL AND NEW.purged_at IS NOT NULL AND length(NEW.body) = 0 AND NEW.id = OLD.id
          AND NEW.submission_id IS OLD.submission_id AND NEW.category = OLD.category
          AND NEW.created_at = OLD.created_at)
BEGIN SELECT RAISE(ABORT, 'a complaint is immutable'); END;
