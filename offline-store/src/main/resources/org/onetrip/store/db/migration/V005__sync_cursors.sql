-- Where each pull from the platform stands (status changes, catalog version, last heartbeat).
CREATE TABLE sync_cursor (
    name            TEXT PRIMARY KEY,
    value           TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
INSERT INTO sync_cursor (name, value, updated_at)
SELECT substr(name, 8), value, strftime('%Y-%m-%dT%H:%M:%S.000000000Z', 'now') FROM setting WHERE name LIKE 'cursor.%';
DELETE FROM setting WHERE name LIKE 'cursor.%';
