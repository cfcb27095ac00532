package io.quorum.engine.order;

/** Why an order was refused, by the desk's pre-trade checks or by the broker. Each reads as a sentence. */
public enum RejectReason {
    MAX_POSITION_EXCEEDED("the position would exceed the maximum share of the portfolio"),
    MAX_GROSS_EXPOSURE("the account's gross exposure would exceed its limit"),
    MAX_NET_EXPOSURE("the account's net exposure would exceed its limit"),
    MAX_SECTOR_EXPOSURE("the sector's exposure would exceed its limit"),
    MAX_VALUE_AT_RISK("the account's Value-at-Risk would exceed its limit"),
    MAX_STRESS_LOSS("the account's worst stress loss would exceed its limit"),
    MAX_TRADES_PER_DAY("the maximum number of trades for today has been reached"),
    MAX_DAILY_LOSS("the daily loss limit has been hit"),
    OUTSIDE_TRADING_HOURS("the market is closed or outside the allowed trading hours"),
    INSUFFICIENT_BUYING_POWER("there is not enough buying power"),
    PRICE_COLLAR("the limit price is too far from the last price"),
    DUPLICATE_ORDER("the same order was sent moments ago"),
    AUTO_TRADING_DISABLED("auto-trading is switched off"),
    LIVE_NOT_CONFIRMED("live trading has not been confirmed with the account number yet"),
    CONFIRMATION_TIMED_OUT("the user did not confirm the trade in time"),
    CONFIRMATION_DENIED("the user declined the trade"),
    REDUCE_ONLY("the session may only reduce its positions for now"),
    TRADING_HALTED("trading is halted for this session: only protective exits may leave"),
    BEYOND_POSITION("the order would close more than is held, net of the orders already working"),
    NO_MARKET_PRICE("there is no current price for the ticker"),
    INVALID_ORDER("the order is not valid"),
    BROKER_UNAVAILABLE("the broker could not be reached"),
    PATTERN_DAY_TRADER("the broker's pattern day trader rule forbids another day trade on this account"),
    NOT_TRADABLE("the broker does not trade this symbol"),
    SHORT_NOT_ALLOWED("the broker does not allow this symbol to be sold short"),
    REFUSED_BY_BROKER("the broker refused the order"),
    NOT_PLACED("the order never reached the broker");

    private final String sentence;

    RejectReason(String sentence) { this.sentence = sentence; }

    /** The reason as a trader would say it, e.g. "the daily loss limit has been hit". */
    public String sentence() { return sentence; }
}
