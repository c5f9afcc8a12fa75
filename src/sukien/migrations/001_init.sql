-- sukien schema v1. Offsets (start/end) are character offsets into documents.text.

CREATE TABLE IF NOT EXISTS documents (
    doc_id        TEXT PRIMARY KEY,          -- file name / JSONL id / URL
    version       INTEGER NOT NULL,          -- current version number
    content_hash  TEXT NOT NULL,             -- sha256 of the decoded text layer of the current version
    fmt           TEXT NOT NULL,             -- txt | md | html | jsonl
    origin        TEXT NOT NULL,             -- path, URL, stdin, path:line
    encoding      TEXT,
    raw           BLOB,                      -- original bytes (HTML source, file bytes)
    text          TEXT NOT NULL,             -- text layer: offsets refer to it
    title         TEXT, title_source TEXT, title_conf REAL,
    pub_date      TEXT, pub_date_source TEXT, pub_date_conf REAL,
    outlet        TEXT, outlet_source TEXT,
    url           TEXT,
    anchor_date   TEXT, anchor_source TEXT, anchor_conf REAL,   -- filled by the language stage
    stage         TEXT NOT NULL DEFAULT 'ingested',              -- ingested | cleaned | analyzed | extracted | resolved
    ingested_at   TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- every version ever ingested (the current one included); old versions are never deleted
CREATE TABLE IF NOT EXISTS document_versions (
    doc_id        TEXT NOT NULL,
    version       INTEGER NOT NULL,
    content_hash  TEXT NOT NULL,
    text          TEXT NOT NULL,
    raw           BLOB,
    meta_json     TEXT NOT NULL DEFAULT '{}',
    ingested_at   TEXT NOT NULL,
    PRIMARY KEY (doc_id, version)
);
CREATE INDEX IF NOT EXISTS ix_docver_hash ON document_versions(content_hash);

-- kept spans with their role (title, lead, byline, body, caption, heading)
CREATE TABLE IF NOT EXISTS segments (
    doc_id   TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    role     TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS removed_spans (
    doc_id   TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    reason   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_removed_doc ON removed_spans(doc_id);

CREATE TABLE IF NOT EXISTS near_duplicates (
    doc_a    TEXT NOT NULL,
    doc_b    TEXT NOT NULL,
    similarity REAL NOT NULL,
    method   TEXT NOT NULL,                  -- e.g. minhash-64
    PRIMARY KEY (doc_a, doc_b)
);

-- MinHash signatures for incremental near-duplicate detection
CREATE TABLE IF NOT EXISTS doc_signatures (
    doc_id   TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    method   TEXT NOT NULL,
    sig      BLOB NOT NULL
);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id    TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    role      TEXT NOT NULL,
    attribution_json TEXT,                   -- models.Attribution as JSON, NULL = outlet's own voice
    PRIMARY KEY (doc_id, idx)
);

-- entity, time and quantity mentions
CREATE TABLE IF NOT EXISTS mentions (
    doc_id    TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    sent_idx  INTEGER NOT NULL,
    kind      TEXT NOT NULL,                 -- actor | time | quantity
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    key       TEXT,                          -- actor_id / normalized time value / quantity value
    data_json TEXT NOT NULL                  -- the full models.* record
);
CREATE INDEX IF NOT EXISTS ix_mentions_doc ON mentions(doc_id, kind);
CREATE INDEX IF NOT EXISTS ix_mentions_key ON mentions(kind, key);

-- document-level events (coreferent mentions of one article merged)
CREATE TABLE IF NOT EXISTS doc_events (
    doc_event_id TEXT PRIMARY KEY,           -- <doc_id>#<n>
    doc_id    TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    event_id  TEXT,                          -- canonical event it was resolved into
    type      TEXT NOT NULL,
    date      TEXT,
    data_json TEXT NOT NULL                  -- attributes, mentions and per-field evidence
);
CREATE INDEX IF NOT EXISTS ix_docev_doc ON doc_events(doc_id);
CREATE INDEX IF NOT EXISTS ix_docev_event ON doc_events(event_id);

-- canonical (cross-document) events; data_json is the EXPORT.md record plus extra fields
CREATE TABLE IF NOT EXISTS events (
    event_id  TEXT PRIMARY KEY,
    type      TEXT NOT NULL,
    status    TEXT NOT NULL,
    date      TEXT,                          -- YYYY-MM-DD | YYYY-MM | YYYY | NULL
    date_sort TEXT,                          -- sortable date (YYYY-MM-DD, partial dates padded), NULL last
    summary   TEXT,                          -- one-line Vietnamese summary
    n_sources INTEGER NOT NULL DEFAULT 0,
    n_conflicts INTEGER NOT NULL DEFAULT 0,
    data_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_events_date ON events(date_sort);
CREATE INDEX IF NOT EXISTS ix_events_type ON events(type);

CREATE TABLE IF NOT EXISTS event_actors (
    event_id  TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    actor     TEXT NOT NULL,                 -- canonical name
    role      TEXT NOT NULL DEFAULT 'participant',   -- participant | initiator
    PRIMARY KEY (event_id, actor, role)
);
CREATE INDEX IF NOT EXISTS ix_evactors_actor ON event_actors(actor);

-- per-field evidence of canonical events: every value traceable to doc + span + source
CREATE TABLE IF NOT EXISTS evidence (
    event_id  TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    field     TEXT NOT NULL,                 -- "mention", "date", "duration_minutes", "participants", ...
    value     TEXT,
    doc_id    TEXT NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    sentence  TEXT NOT NULL,
    source    TEXT
);
CREATE INDEX IF NOT EXISTS ix_evidence_event ON evidence(event_id);
CREATE INDEX IF NOT EXISTS ix_evidence_doc ON evidence(doc_id);

-- ingest problems (bad input) kept for `sukien status`
CREATE TABLE IF NOT EXISTS ingest_errors (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    origin    TEXT NOT NULL,
    line      INTEGER,
    stage     TEXT NOT NULL,
    reason    TEXT NOT NULL,
    at        TEXT NOT NULL
);
