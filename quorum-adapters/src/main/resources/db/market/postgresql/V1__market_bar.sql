-- Imported price history (quorum data import): bars of one ticker and interval, one row a bar.
-- Prices are micro-dollars; the start is epoch milliseconds. A bar imported again replaces the old one.
CREATE TABLE market_bar (
    ticker           TEXT    NOT NULL,
    interval_seconds INTEGER NOT NULL CHECK (interval_seconds > 0),
    start_millis     BIGINT NOT NULL,
    open_micros      BIGINT NOT NULL CHECK (open_micros > 0),
    high_micros      BIGINT NOT NULL,
    low_micros       BIGINT NOT NULL,
    close_micros     BIGINT NOT NULL,
    volume           BIGINT NOT NULL CHECK (volume >= 0),
    PRIMARY KEY (ticker, interval_seconds, start_millis)
);
