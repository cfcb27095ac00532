package io.quorum.engine.order;

import java.util.Optional;

/**
 * One of the two exits a venue keeps for a bracketed entry once it fills. Each leg is an order of
 * its own, named after its entry ({@code <entry>:tp}, {@code <entry>:sl}), so that whoever reports
 * it (the venue, a poll, a broker started afresh after a restart) names it the same, and the desk
 * knows whose position it closes without asking.
 */
public enum BracketLeg {
    /** The limit order that takes the profit at the bracket's target. */
    TAKE_PROFIT(":tp"),
    /** The stop order that cuts the loss at the bracket's stop. */
    STOP_LOSS(":sl");

    /** The longest entry id whose legs still make client order ids. */
    public static final int LONGEST_ENTRY_ID = 61;

    private final String suffix;

    BracketLeg(String suffix) { this.suffix = suffix; }

    /** This leg's client order id for the entry {@code entry}. */
    public ClientOrderId of(ClientOrderId entry) { return ClientOrderId.of(entry.value() + suffix); }

    /** The other leg: the one that is cancelled once this one fills. */
    public BracketLeg sibling() { return this == TAKE_PROFIT ? STOP_LOSS : TAKE_PROFIT; }

    /** The leg {@code id} names, if it names one. */
    public static Optional<BracketLeg> named(ClientOrderId id) {
        for (BracketLeg leg : values()) if (id.value().endsWith(leg.suffix)) return Optional.of(leg);
        return Optional.empty();
    }

    /** The entry whose leg {@code id} is. */
    public ClientOrderId entryOf(ClientOrderId id) {
        if (!id.value().endsWith(suffix)) throw new IllegalArgumentException(id + " is not a " + this + " leg");
        return ClientOrderId.of(id.value().substring(0, id.value().length() - suffix.length()));
    }

    /** The leg's order: a limit at the target or a stop at the stop-loss, on the other side of the entry, for {@code shares}. */
    public OrderRequest order(OrderRequest entry, long shares) {
        Bracket bracket = entry.bracket();
        if (bracket == null) throw new IllegalArgumentException("entry " + entry.clientOrderId() + " has no bracket");
        Side exit = entry.side().opposite();
        OrderRequest leg = this == TAKE_PROFIT
                ? OrderRequest.limit(of(entry.clientOrderId()), entry.ticker(), exit, shares, bracket.takeProfit())
                : OrderRequest.stop(of(entry.clientOrderId()), entry.ticker(), exit, shares, bracket.stopLoss());
        return leg.withTimeInForce(entry.timeInForce());
    }
}
