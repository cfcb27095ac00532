package io.quorum.engine.desk;

import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which watched tickers have had no price for too long while their market is open. Silence
 * counts in the time people live by, since a provider that says nothing says nothing in wall
 * seconds, and it counts only during the exchange's session: a quiet night is not a stale feed,
 * and the first silence of a day starts at the open. Owned by the engine loop.
 */
final class StaleFeeds {
    private final Duration after;
    private final ExchangeCalendar calendar;
    private final Map<Ticker, Instant> lastUpdate = new HashMap<>();
    private final Set<Ticker> stale = new HashSet<>();

    /** A ticker that has just gone stale, and for how long it had been silent. */
    record Silence(Ticker ticker, Duration silentFor) {}

    StaleFeeds(Duration after, ExchangeCalendar calendar) {
        this.after = after;
        this.calendar = calendar;
    }

    /** Starts counting {@code ticker}'s silence from {@code now}, unless it is counted already. */
    void watch(Ticker ticker, Instant now) { lastUpdate.putIfAbsent(ticker, now); }

    /** A price of {@code ticker} arrived at {@code at}; true when the ticker was stale until now. */
    boolean updated(Ticker ticker, Instant at) {
        lastUpdate.put(ticker, at);
        return stale.remove(ticker);
    }

    boolean isStale(Ticker ticker) { return stale.contains(ticker); }

    /**
     * The tickers whose silence, during market hours, has passed the limit since the last call;
     * each is reported once, until a price brings it back.
     *
     * @param now       the time people live by
     * @param marketNow the market's time, which decides whether the exchange is open
     */
    List<Silence> newlyStale(Instant now, Instant marketNow) {
        if (!calendar.isOpen(marketNow)) return List.of();
        Instant sessionOpen = now.minus(Duration.between(calendar.sessionOpen(calendar.tradingDate(marketNow)), marketNow));
        List<Silence> found = new ArrayList<>();
        for (Map.Entry<Ticker, Instant> entry : lastUpdate.entrySet()) {
            Ticker ticker = entry.getKey();
            Instant since = entry.getValue().isAfter(sessionOpen) ? entry.getValue() : sessionOpen;
            Duration silence = Duration.between(since, now);
            if (silence.compareTo(after) > 0 && stale.add(ticker)) found.add(new Silence(ticker, silence));
        }
        return found;
    }
}
