-- sukien schema v3 (throughput): the language layer of a document in ONE row.
--
-- A document's sentences and actor/time/quantity mentions are written as one compact JSON
-- document (see store_analysis.py for its layout) instead of ~40 sentence rows and ~100 mention
-- rows with one JSON record each. The tables `sentences` and `mentions` of schema v1 stay
-- (rows written by earlier versions are still read); new analyses go here.
CREATE TABLE IF NOT EXISTS doc_analyses (
    doc_id      TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    n_sentences INTEGER NOT NULL,
    n_mentions  INTEGER NOT NULL,
    data_json   TEXT NOT NULL            -- {"v": 1, "fields": {...}, "sentences": [...], "mentions": [...]}
);

-- events.ordinal: a copy of the record's ordinal ("the third call this year"), so that the
-- ordinal checks of resolution find the events that carry one without parsing every record
ALTER TABLE events ADD COLUMN ordinal INTEGER;
UPDATE events SET ordinal = json_extract(data_json, '$.ordinal');
