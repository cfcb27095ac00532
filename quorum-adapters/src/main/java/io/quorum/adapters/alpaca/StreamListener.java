package io.quorum.adapters.alpaca;

import java.util.List;
import java.util.Map;

/**
 * What a decoded stream frame holds, one message at a time, in the frame's order. Prices are
 * micro-dollars and times epoch milliseconds, so that a trade or a quote allocates nothing but
 * its symbol. A listener hears only what it overrides.
 */
public interface StreamListener {
    /** A trade ({@code "T":"t"}). */
    default void trade(String symbol, long epochMillis, long priceMicros, long size) { }

    /** A quote ({@code "T":"q"}): the best bid and ask; either may be 0 when that side is empty. */
    default void quote(String symbol, long epochMillis, long bidMicros, long askMicros) { }

    /** A completed minute bar ({@code "T":"b"}) starting at {@code startMillis}. */
    default void minuteBar(String symbol, long startMillis, long openMicros, long highMicros, long lowMicros, long closeMicros, long volume) { }

    /** A news article ({@code "T":"n"}). */
    default void story(NewsStory story) { }

    /** A {@code success} control message: {@code connected} or {@code authenticated}. */
    default void success(String message) { }

    /** An {@code error} control message, with the provider's code (402 auth failed, 405 symbol limit exceeded, …). */
    default void error(int code, String message) { }

    /** A {@code subscription} control message: every channel's symbols, as the server now holds them. */
    default void subscribed(Map<String, List<String>> channels) { }

    /** A message or a frame that could not be read; the rest of the frame is still read when it can be. */
    default void unreadable(String why) { }
}
