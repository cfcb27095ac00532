package io.quorum.server.api;

import java.time.Instant;
import java.util.List;

/**
 * The broker's account as the account panel shows it, from the read model the server keeps fresh
 * off the engine loop: no request waits on the venue.
 *
 * @param broker                    {@code paper} or {@code alpaca}
 * @param brokerName                the broker in words: "Paper broker", "Alpaca"
 * @param live                      true when the account trades real money
 * @param awaitingLiveConfirmation  true while a live account's number has not been typed: only exits may leave
 * @param accountNumber             the account's number, masked to its last four characters; empty until the venue has said it
 * @param cash                      dollars, as the venue reports them
 * @param buyingPower               dollars
 * @param equity                    dollars
 * @param asOf                      when the venue last answered; null until it has
 * @param orders                    the latest orders, newest first, in the venue's words
 */
public record BrokerAccountView(String broker, String brokerName, boolean live, boolean awaitingLiveConfirmation, String accountNumber,
                                String cash, String buyingPower, String equity, Instant asOf, List<VenueOrder> orders) {
    public BrokerAccountView {
        orders = List.copyOf(orders);
    }

    /**
     * One order as the venue reports it.
     *
     * @param state          ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED or EXPIRED
     * @param stopsKeptBy    VENUE when the order carries a bracket the venue keeps, or is one of its legs; DESK when the position manager keeps its stops
     * @param bracketLeg     TAKE_PROFIT or STOP_LOSS when the order is a leg the venue works for a bracketed entry, null otherwise
     * @param stopLoss       the bracket's stop, null without one
     * @param takeProfit     the bracket's target, null without one
     * @param averagePrice   the average price of what filled, null while nothing has
     */
    public record VenueOrder(String clientOrderId, String ticker, String side, long quantity, String type, String limitPrice, String state,
                             long filledQuantity, String averagePrice, String stopsKeptBy, String bracketLeg, String stopLoss, String takeProfit,
                             Instant updatedAt) {}
}
