-- The session journal: one row per event, in per-session seq order, chained by an HMAC.
-- Times are stored as the exact ISO-8601 text that the HMAC covers.
CREATE TABLE journal_entry (
    session_id  TEXT    NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq > 0),
    type        TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    hmac        TEXT    NOT NULL,
    PRIMARY KEY (session_id, seq)
);

-- The latest link of each session's chain, written in the same transaction as the entry, so
-- that removing the last entries is detected too.
CREATE TABLE journal_head (
    session_id TEXT    NOT NULL PRIMARY KEY,
    last_seq   INTEGER NOT NULL,
    last_hmac  TEXT    NOT NULL
);
