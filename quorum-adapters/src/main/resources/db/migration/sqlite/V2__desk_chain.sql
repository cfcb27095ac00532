-- The desk's chain: every entry, of every session, in the order the journal wrote it, linked by an
-- HMAC over the previous desk link and the entry's own. Deleting a whole session, or any entry of
-- one, leaves a gap in it. Entries written before this chain existed carry no desk link.
ALTER TABLE journal_entry ADD COLUMN desk_seq INTEGER;
ALTER TABLE journal_entry ADD COLUMN desk_hmac TEXT;
CREATE UNIQUE INDEX journal_entry_desk_seq ON journal_entry (desk_seq);

-- The desk chain's latest link, written in the same transaction as the entries.
CREATE TABLE journal_desk_head (
    id            INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_desk_seq INTEGER  NOT NULL,
    last_hmac     TEXT    NOT NULL
);
