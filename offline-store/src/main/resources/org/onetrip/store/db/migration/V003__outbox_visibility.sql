-- Per-record sync state an operator can read: when it was last tried and when it was quarantined.
ALTER TABLE outbox ADD COLUMN last_attempt_at TEXT;
ALTER TABLE outbox ADD COLUMN quarantined_at TEXT;
