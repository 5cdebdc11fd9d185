-- The five-level statistical divisions a terminal knows: the whole country to county level, and the townships
-- and villages of the counties it was provisioned with. code is always 12 digits, zero-padded.
CREATE TABLE division (
    code            TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    level           TEXT NOT NULL,             -- PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE
    parent          TEXT,
    edition         TEXT NOT NULL              -- the NBS edition, e.g. 2023
);
CREATE INDEX division_parent ON division(parent);
