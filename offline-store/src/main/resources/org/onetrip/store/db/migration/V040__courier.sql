-- USB courier (issue 8): which pending submissions left this terminal on removable media, and which arrived here
-- from another terminal's bundle. A submission imported here keeps its original id (the Idempotency-Key), so the
-- platform stores it once whichever terminal uploads it first.
CREATE TABLE courier_export (
    submission_id   TEXT NOT NULL REFERENCES submission(id),
    bundle_id       TEXT NOT NULL,
    exported_at     TEXT NOT NULL,
    exported_by     TEXT NOT NULL,             -- staff id
    PRIMARY KEY (submission_id, bundle_id)
);

CREATE TABLE courier_import (
    submission_id   TEXT PRIMARY KEY REFERENCES submission(id),
    bundle_id       TEXT NOT NULL,
    origin_terminal TEXT NOT NULL,             -- the terminal that sealed it and signed the bundle
    imported_at     TEXT NOT NULL,
    imported_by     TEXT NOT NULL              -- staff id
);
