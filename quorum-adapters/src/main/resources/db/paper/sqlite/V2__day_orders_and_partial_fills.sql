-- The close of the trading session the broker last accepted an order in, ISO-8601 text: its
-- working orders are day orders and expire then. Null until the first order.
ALTER TABLE paper_account ADD COLUMN session_close TEXT;

-- An order may fill in parts: each fill's place among its order's fills, from 1. Fills stored
-- before orders filled in parts are their order's only fill and have none.
ALTER TABLE paper_fill ADD COLUMN fill_number INTEGER;
