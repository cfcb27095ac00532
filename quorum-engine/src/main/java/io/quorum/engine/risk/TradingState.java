package io.quorum.engine.risk;

/**
 * What a session may still trade, as the RiskEngine holds it (NautilusTrader's trading states).
 * Every change is journaled and shown with its reason.
 */
public enum TradingState {
    /** Every order the limits allow. */
    ACTIVE("trading normally"),
    /** Only orders that make positions smaller: the desk and the broker disagree, or the data is stale. */
    REDUCING("reducing only"),
    /** No new orders at all; the stops, targets and trailing stops of open positions still fire, and the user may still close. */
    HALTED("halted");

    private final String description;

    TradingState(String description) { this.description = description; }

    /** "reducing only", as the conversation says it. */
    public String description() { return description; }
}
