-- 取号: the township hall's queue numbers, one row per local day. A ticket is just the next number of its day;
-- nothing of the resident is kept.
CREATE TABLE queue_ticket_day (
    day         TEXT PRIMARY KEY,                  -- ISO local date in the terminal's zone, e.g. 2026-03-02
    last_number INTEGER NOT NULL CHECK (last_number >= 1),
    issued_at   TEXT NOT NULL                      -- when the last number of that day was issued
);
