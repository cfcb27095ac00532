-- A bracketed entry's exits, kept by the broker once it fills: its take-profit limit and its
-- stop-loss stop, in micro-dollars; both null for an order without a bracket.
ALTER TABLE paper_order ADD COLUMN take_profit_micros INTEGER;
ALTER TABLE paper_order ADD COLUMN stop_loss_micros INTEGER;
