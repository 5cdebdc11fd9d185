-- Signed catalog bundles as imported. Only the bundle in use keeps its payload and signature (re-verified at start).
CREATE TABLE catalog_bundle (
    version         TEXT PRIMARY KEY,
    issuer          TEXT NOT NULL,
    issued_at       TEXT NOT NULL,             -- ISO-8601 instant, from the signed payload
    payload_sm3     TEXT NOT NULL,
    item_count      INTEGER NOT NULL,
    imported_at     TEXT NOT NULL,
    in_use          INTEGER NOT NULL DEFAULT 0,
    payload         BLOB,
    signature       BLOB
);

-- Every item version the terminal knows. in_use = 0 rows stay only while a sealed submission
-- (submission.task_code, submission.item_version) refers to them, so its guide can still be shown.
CREATE TABLE catalog_item (
    task_code       TEXT NOT NULL,
    version         INTEGER NOT NULL,
    bundle_version  TEXT NOT NULL,
    region_code     TEXT NOT NULL,
    name            TEXT NOT NULL,
    body            TEXT NOT NULL,             -- the item's JSON as in the signed bundle
    in_use          INTEGER NOT NULL,
    PRIMARY KEY (task_code, version)
);
CREATE INDEX catalog_item_in_use ON catalog_item(in_use, region_code);
