package io.quorum.engine.order;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;

/** A holding as the broker reports it: signed quantity (negative is short) and its cost. */
public record BrokerPosition(Ticker ticker, long quantity, Money costBasis) {}
