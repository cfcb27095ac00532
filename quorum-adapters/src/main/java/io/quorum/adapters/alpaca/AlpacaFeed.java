package io.quorum.adapters.alpaca;

import java.util.Locale;

/**
 * Which of Alpaca's stock feeds to read: IEX (one exchange's trades and quotes, on every plan) or
 * SIP (the consolidated tape of all US exchanges, on a paid plan). A plan without SIP is refused
 * at the stream's authentication (error 409) and by the REST endpoints (403).
 */
public enum AlpacaFeed {
    IEX, SIP;

    /** The name in URLs and queries: {@code iex} or {@code sip}. */
    public String wireName() { return name().toLowerCase(Locale.ROOT); }
}
