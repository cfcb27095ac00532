package io.quorum.engine.desk;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.SymbolLookup;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * A market as a provider serves it: it knows no ticker until asked, answers each lookup as the test
 * says (a ticker it was not told of is unknown, in a provider's words), and notes on which threads
 * it was asked for anything, since a real provider answers over the network.
 */
final class ProviderFeed implements MarketDataFeed {
    static final String UNKNOWN_ANSWER = "Not Found: No data found, symbol may be delisted";

    private final MarketDataFeed prices;
    private final Map<Ticker, SymbolLookup> answers = new ConcurrentHashMap<>();
    private final Set<Ticker> admitted = new CopyOnWriteArraySet<>();
    private final Set<String> askingThreads = new CopyOnWriteArraySet<>();

    ProviderFeed(MarketDataFeed prices) { this.prices = prices; }

    /** From now on, a lookup of {@code lookup.ticker()} gets {@code lookup}. */
    ProviderFeed answering(SymbolLookup lookup) {
        answers.put(lookup.ticker(), lookup);
        return this;
    }

    /** The names of the threads that asked this feed to look up, load history or subscribe. */
    Set<String> askingThreads() { return Set.copyOf(askingThreads); }

    @Override public SymbolLookup admit(Ticker ticker) {
        asked();
        SymbolLookup answer = answers.getOrDefault(ticker, new SymbolLookup.Unknown(ticker, UNKNOWN_ANSWER));
        if (answer instanceof SymbolLookup.Known) admitted.add(ticker);
        return answer;
    }

    @Override public Subscription subscribe(Ticker ticker, Consumer<Tick> onTick, Consumer<Bar> onBar) {
        asked();
        return prices.subscribe(ticker, onTick, onBar);
    }

    @Override public List<Bar> history(Ticker ticker, Duration interval, int count) {
        asked();
        return prices.history(ticker, interval, count);
    }

    @Override public Optional<Tick> lastTick(Ticker ticker) { return prices.lastTick(ticker); }

    @Override public List<Ticker> tickers() { return List.copyOf(admitted); }

    @Override public void close() { }

    private void asked() { askingThreads.add(Thread.currentThread().getName()); }
}
