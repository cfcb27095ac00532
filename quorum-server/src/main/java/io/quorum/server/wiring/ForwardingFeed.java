package io.quorum.server.wiring;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.SymbolLookup;
import io.quorum.engine.market.SymbolMatch;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A market-data feed that hands every call to another; a wiring decorator overrides only what it changes. */
abstract class ForwardingFeed implements MarketDataFeed {
    protected final MarketDataFeed feed;

    ForwardingFeed(MarketDataFeed feed) { this.feed = feed; }

    @Override public Subscription subscribe(Ticker ticker, Consumer<Tick> onTick, Consumer<Bar> onBar) { return feed.subscribe(ticker, onTick, onBar); }

    @Override public List<Bar> history(Ticker ticker, Duration interval, int count) { return feed.history(ticker, interval, count); }

    @Override public Optional<Tick> lastTick(Ticker ticker) { return feed.lastTick(ticker); }

    @Override public List<Ticker> tickers() { return feed.tickers(); }

    @Override public SymbolLookup admit(Ticker ticker) { return feed.admit(ticker); }

    @Override public List<SymbolMatch> search(String query, int max) { return feed.search(query, max); }

    @Override public void close() { feed.close(); }
}
