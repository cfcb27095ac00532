package io.quorum.server.api;

/**
 * An order from the user's ticket, as the API takes it: prices are decimal strings, bounded at
 * the edge.
 *
 * @param side        BUY or SELL
 * @param quantity    whole shares, 1 to 1,000,000
 * @param type        MARKET or LIMIT
 * @param limitPrice  required for LIMIT, absent for MARKET
 * @param stopLoss    optional: the stop of the position the order opens
 * @param takeProfit  optional: its target
 * @param ticker      optional: a ticker on the session's watchlist; the session's own ticker when absent
 */
public record OrderTicketView(String side, Long quantity, String type, String limitPrice, String stopLoss, String takeProfit, String ticker) {}
