package io.quorum.adapters.notify;

import java.util.Locale;

/** What a notice is about; a channel is told the kinds it was configured for. */
public enum NoticeKind {
    /** A fill of an order the desk decided on, or the user's close or flatten. */
    TRADE,
    /** A stop-loss, take-profit or trailing stop that filled. */
    EXIT,
    /** An order the desk's own limits refused. */
    LIMIT,
    /** A session's trading state moved (ACTIVE, REDUCING, HALTED). */
    TRADING_STATE,
    /** Auto-trading was switched off. */
    KILL_SWITCH,
    /** Something the desk survived went wrong: stale prices, the journal, a broker refusal, a mismatch with the broker. */
    FAULT,
    /** A trade waits for the user's confirmation. */
    CONFIRMATION;

    /** The name written in {@code quorum.yml}: {@code trading-state}. */
    public String configName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
}
