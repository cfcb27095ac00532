package io.quorum.engine.port;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.SymbolLookup;
import io.quorum.engine.market.SymbolMatch;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import java.util.Locale;
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

    /** The tickers this feed can serve now. */
    List<Ticker> tickers();

    /**
     * Whether this feed can serve {@code ticker}. A feed that can serve any ticker its provider
     * knows asks the provider, and a {@link SymbolLookup.Known} ticker is among {@link #tickers()}
     * from then on. It may wait on the provider: never call it on the engine loop. A feed with a
     * fixed list knows exactly the tickers on it.
     */
    default SymbolLookup admit(Ticker ticker) {
        if (tickers().contains(ticker)) return new SymbolLookup.Known(ticker, ExchangeCalendar.NYSE.zone());
        return new SymbolLookup.Unknown(ticker, "not among this market's tickers " + tickers());
    }

    /**
     * Tickers for a ticker box: those matching {@code query} (a symbol or, where the feed knows
     * names, a name), best first, at most {@code max}; empty when nothing matches or the provider
     * cannot be asked. It may wait on the provider: never call it on the engine loop.
     */
    default List<SymbolMatch> search(String query, int max) {
        String prefix = query == null ? "" : query.strip().toUpperCase(Locale.ROOT);
        if (prefix.isEmpty()) return List.of();
        return tickers().stream().filter(ticker -> ticker.symbol().startsWith(prefix)).sorted().limit(max).map(SymbolMatch::symbolOnly).toList();
    }

    @Override void close();

    interface Subscription extends AutoCloseable {
        @Override void close();
    }
}
