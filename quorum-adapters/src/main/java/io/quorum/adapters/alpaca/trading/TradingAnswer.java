package io.quorum.adapters.alpaca.trading;

/** What one request to the Trading API came to, before its body is decoded. */
sealed interface TradingAnswer {

    /** A 2xx and its JSON body (empty for a 204). */
    record Ok(String json) implements TradingAnswer {}

    /** A 404: the venue knows no such order (or position). */
    record NotFound(String message) implements TradingAnswer {}

    /** A 4xx other than 404 and 429: the venue read the request and said no, in its own words ({@code {"code":40310000,"message":"insufficient buying power"}}). */
    record Refused(int status, long code, String message) implements TradingAnswer {}

    /**
     * No answer that says what happened: a timeout, a dropped connection, a 5xx, or a 429 still
     * answered after every attempt. For a request that changes something, it may or may not have.
     */
    record Unknown(String why) implements TradingAnswer {}
}
