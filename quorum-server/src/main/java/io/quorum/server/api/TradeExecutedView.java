package io.quorum.server.api;

import io.quorum.engine.order.Side;

/** The {@code data} of a {@code trade_executed} event; {@code reason} says why (decision, stop_loss, take_profit, ...). */
public record TradeExecutedView(String clientOrderId, String ticker, Side side, long quantity, String price, String reason) {}
