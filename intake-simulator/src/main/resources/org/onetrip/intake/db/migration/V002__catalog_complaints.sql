-- Catalog bundles the platform publishes, newest version wins; served as received.
CREATE TABLE catalog_bundle (
    version      INTEGER NOT NULL PRIMARY KEY,
    body         BLOB    NOT NULL,
    published_at TEXT    NOT NULL
);

-- Complaints and consultations (咨询投诉), the bytes exactly as received.
CREATE TABLE complaint (
    terminal_id     TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    body            BLOB NOT NULL,
    received_at     TEXT NOT NULL,
    PRIMARY KEY (terminal_id, idempotency_key)
);
