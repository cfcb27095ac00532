package io.quorum.adapters.alpaca;

/**
 * The stream's error codes, as the provider documents them, with what the feed does about each.
 * An unlisted code is {@link #OTHER}: logged, and the connection kept.
 */
public enum StreamError {
    INVALID_SYNTAX(400, "a message the server could not read", Reaction.KEEP),
    NOT_AUTHENTICATED(401, "a subscription sent before authentication", Reaction.KEEP),
    AUTH_FAILED(402, "the keys were refused", Reaction.RECONNECT_LATE),
    ALREADY_AUTHENTICATED(403, "a second authentication on one connection", Reaction.KEEP),
    AUTH_TIMEOUT(404, "no authentication within the server's few seconds", Reaction.RECONNECT),
    SYMBOL_LIMIT_EXCEEDED(405, "more symbols than the plan allows; the subscription stays as it was", Reaction.KEEP),
    CONNECTION_LIMIT_EXCEEDED(406, "another connection with these keys holds the stream", Reaction.RECONNECT),
    SLOW_CLIENT(407, "the feed read too slowly and the server is dropping it", Reaction.RECONNECT),
    V2_NOT_ENABLED(408, "the account has no access to this version of the data API", Reaction.RECONNECT_LATE),
    INSUFFICIENT_SUBSCRIPTION(409, "the plan does not include this feed (SIP needs a paid plan)", Reaction.RECONNECT_LATE),
    INVALID_SUBSCRIBE_ACTION(410, "a subscription this feed does not offer", Reaction.KEEP),
    SERVER_ERROR(500, "the server failed", Reaction.RECONNECT),
    OTHER(0, "an error the documentation does not list", Reaction.KEEP);

    /** What the feed does after the error. */
    public enum Reaction {
        /** Goes on with the same connection. */
        KEEP,
        /** Drops the connection and connects again after the usual jittered backoff. */
        RECONNECT,
        /** Drops the connection and tries again only after the longest backoff: the keys or the plan must change first. */
        RECONNECT_LATE
    }

    private final int code;
    private final String meaning;
    private final Reaction reaction;

    StreamError(int code, String meaning, Reaction reaction) {
        this.code = code;
        this.meaning = meaning;
        this.reaction = reaction;
    }

    public static StreamError of(int code) {
        for (StreamError error : values()) if (error.code == code) return error;
        return OTHER;
    }

    public int code() { return code; }

    /** What the error means, in a sentence for the log. */
    public String meaning() { return meaning; }

    public Reaction reaction() { return reaction; }
}
