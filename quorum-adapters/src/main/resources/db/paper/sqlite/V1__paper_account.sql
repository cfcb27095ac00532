-- The paper broker's own book, kept apart from the desk's journal as an external broker's would be.
-- Money and prices are micro-dollars; times are ISO-8601 text.

-- The one account: its cash and the number of the last order it named.
CREATE TABLE paper_account (
    id                INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    cash_micros       INTEGER NOT NULL,
    last_order_number INTEGER NOT NULL
);

-- Every order the broker accepted. The client order id is the key: the broker places nothing
-- for an id it already holds, however often and after however many restarts it is sent.
CREATE TABLE paper_order (
    client_order_id TEXT    NOT NULL PRIMARY KEY,
    broker_order_id TEXT    NOT NULL UNIQUE,
    placed_rank     INTEGER NOT NULL UNIQUE,
    ticker          TEXT    NOT NULL,
    side            TEXT    NOT NULL,
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    type            TEXT    NOT NULL,
    limit_micros    INTEGER,
    stop_micros     INTEGER,
    status          TEXT    NOT NULL,
    status_reason   TEXT    NOT NULL
);

CREATE INDEX paper_order_open ON paper_order (status, placed_rank);

CREATE TABLE paper_fill (
    fill_id           TEXT    NOT NULL PRIMARY KEY,
    client_order_id   TEXT    NOT NULL REFERENCES paper_order (client_order_id),
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    price_micros      INTEGER NOT NULL,
    commission_micros INTEGER NOT NULL,
    filled_at         TEXT    NOT NULL
);

CREATE INDEX paper_fill_order ON paper_fill (client_order_id);

-- Holdings; a flat ticker has no row.
CREATE TABLE paper_position (
    ticker            TEXT    NOT NULL PRIMARY KEY,
    quantity          INTEGER NOT NULL CHECK (quantity <> 0),
    cost_basis_micros INTEGER NOT NULL
);
