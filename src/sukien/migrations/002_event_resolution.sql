-- sukien schema v2 (resolution): blocking keys of canonical events and id aliases.

-- one row per (event, participant country): candidate lookup for incremental resolution
-- ("which canonical events of this type family share a country and lie in this date window?")
CREATE TABLE IF NOT EXISTS event_keys (
    event_id  TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    family    TEXT NOT NULL,                 -- phone_call | meeting | agreement | prisoner_exchange | statement | other
    country   TEXT NOT NULL,                 -- canonical country of a participant
    date_sort TEXT,                          -- copy of events.date_sort (NULL = undated)
    PRIMARY KEY (event_id, country)
);
CREATE INDEX IF NOT EXISTS ix_evkeys_block ON event_keys(family, country, date_sort);

-- old canonical ids that still resolve (an id changes when a cluster gains a date or merges)
CREATE TABLE IF NOT EXISTS event_aliases (
    alias     TEXT PRIMARY KEY,
    event_id  TEXT NOT NULL,
    at        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_evalias_event ON event_aliases(event_id);
