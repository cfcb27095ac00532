package io.quorum.engine.port;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Prices: live ticks, completed bars and history. Listeners are called on the feed's thread and must not block. */
public interface MarketDataFeed extends AutoCloseable {
    Duration DAILY = Duration.ofDays(1);
    Duration ONE_MINUTE = Duration.ofMinutes(1);

    /** Starts streaming ticks and completed 1-minute bars of {@code ticker} to the listeners. */
    Subscription subscribe(Ticker ticker, Consumer<Tick> onTick, Consumer<Bar> onBar);

    /** The latest {@code count} completed bars of the interval, oldest first (DAILY and ONE_MINUTE at least). */
    List<Bar> history(Ticker ticker, Duration interval, int count);

    Optional<Tick> lastTick(Ticker ticker);

    /** The tickers this feed can serve. */
    List<Ticker> tickers();

    @Override void close();

    interface Subscription extends AutoCloseable {
        @Override void close();
    }
}
