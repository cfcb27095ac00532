package io.quorum.adapters.yahoo;

import io.quorum.adapters.http.Backoff;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.ListenerList;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.SymbolLookup;
import io.quorum.engine.market.SymbolMatch;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Market data from Yahoo Finance's chart endpoint (the one yfinance reads): daily and 1-minute
 * history on request, and, for each subscribed ticker, a quote polled every
 * {@link YahooSettings#pollInterval()} on the feed's own thread ({@code yahoo-feed}), which
 * publishes the 1-minute bars completed since the last poll and then a tick at the last trade.
 *
 * <p>A chart fetched less than a poll interval ago answers a history request again, so that the
 * desk's readers do not send a request each; subscribing to a ticker whose minute chart was
 * fetched (by {@code history}, as the market monitor does first) sends none either.
 *
 * <p>Nothing the provider does stops the feed: a 429 or a 5xx is retried after a jittered
 * backoff (or the {@code Retry-After} asked for), a malformed or empty answer is counted, logged
 * and skipped, and the next poll comes as usual. A symbol the provider does not know is refused
 * with its own answer. Listeners are called on the feed's thread and must only hand the data on.
 */
public final class YahooMarketDataFeed implements MarketDataFeed {
    private static final Logger LOG = LoggerFactory.getLogger(YahooMarketDataFeed.class);

    private final YahooSettings settings;
    private final YahooChartClient client;
    private final ExchangeCalendar calendar;
    private final Backoff backoff;
    private final List<Ticker> tickers;
    private final Map<Ticker, Watch> watches = new HashMap<>();
    private final RecentCharts recentCharts = new RecentCharts();
    private final ScheduledExecutorService poller;

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong droppedPoints = new AtomicLong();
    private final AtomicLong unknownSymbols = new AtomicLong();

    private YahooMarketDataFeed(YahooSettings settings, List<Ticker> tickers, HttpClient http, ExchangeCalendar calendar) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.client = new YahooChartClient(http, settings, calendar);
        this.backoff = Backoff.of(settings.initialBackoff(), settings.maxBackoff());
        this.tickers = new CopyOnWriteArrayList<>(tickers);
        this.poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("yahoo-feed").daemon()
                .uncaughtExceptionHandler((thread, fault) -> LOG.warn("a listener of the Yahoo Finance feed failed; the feed goes on", fault))
                .factory());
    }

    /** A feed serving {@code tickers} (others can be {@link #add added}), on the NYSE calendar. */
    public static YahooMarketDataFeed create(YahooSettings settings, List<Ticker> tickers) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new YahooMarketDataFeed(settings, tickers, http, ExchangeCalendar.NYSE);
    }

    /** Asks the provider whether it knows {@code ticker}. */
    public SymbolLookup lookup(Ticker ticker) {
        ChartAnswer answer = fetchWithRetries(ticker, DAILY, "5d");
        return switch (answer) {
            case ChartAnswer.Chart chart -> new SymbolLookup.Known(ticker, chart.exchangeZone());
            case ChartAnswer.UnknownSymbol unknown -> new SymbolLookup.Unknown(ticker, unknown.providerAnswer());
            case ChartAnswer.Malformed bad -> new SymbolLookup.Unavailable(ticker, "an unreadable answer: " + bad.why());
            case ChartAnswer.Unavailable down -> new SymbolLookup.Unavailable(ticker, down.why());
        };
    }

    /** Adds {@code ticker} to {@link #tickers()} if the provider knows it; the lookup says how it went. */
    @Override public SymbolLookup admit(Ticker ticker) {
        SymbolLookup lookup = lookup(ticker);
        if (lookup instanceof SymbolLookup.Known && !tickers.contains(ticker)) tickers.add(ticker);
        return lookup;
    }

    /** The equities and funds the provider finds for {@code query} (a symbol or a name), best first; empty when it cannot be asked. */
    @Override public List<SymbolMatch> search(String query, int max) {
        if (query == null || query.isBlank()) return List.of();
        if (max < 1 || max > 50) throw new IllegalArgumentException("max must be within [1, 50]: " + max);
        requests.incrementAndGet();
        Optional<String> body = client.search(query.strip(), max);
        if (body.isEmpty()) {
            unavailable.incrementAndGet();
            LOG.warn("Yahoo Finance symbol search unavailable");
            return List.of();
        }
        return ChartJson.decodeSearch(body.get());
    }

    public YahooFeedStats stats() {
        return new YahooFeedStats(requests.get(), unavailable.get(), malformed.get(), droppedPoints.get(), unknownSymbols.get());
    }

    // --- MarketDataFeed -------------------------------------------------------------------

    /**
     * The latest completed bars, fetched now. A refusal of the symbol throws; a provider that
     * stays unavailable through every attempt gives an empty list (and is counted).
     */
    @Override public List<Bar> history(Ticker ticker, Duration interval, int count) {
        if (count < 0) throw new IllegalArgumentException("count must not be negative: " + count);
        if (!interval.equals(DAILY) && !interval.equals(ONE_MINUTE)) throw new IllegalArgumentException("Yahoo Finance history is daily or 1-minute here, not " + interval);
        if (count == 0) return List.of();
        String range = range(interval, count);
        ChartAnswer.Chart cached = recentCharts.fresh(ticker, interval, range, settings.pollInterval());
        ChartAnswer answer = cached != null ? cached : fetchWithRetries(ticker, interval, range);
        return switch (answer) {
            case ChartAnswer.Chart chart -> latestCompleted(chart, count);
            case ChartAnswer.UnknownSymbol unknown -> throw refusal(unknown);
            case ChartAnswer.Malformed bad -> List.of();
            case ChartAnswer.Unavailable down -> List.of();
        };
    }

    /**
     * Starts polling {@code ticker}'s quote. The bars completed before the subscription are
     * history, not news: only later ones are published. A symbol the provider does not know is refused.
     */
    @Override public Subscription subscribe(Ticker ticker, Consumer<Tick> onTick, Consumer<Bar> onBar) {
        Objects.requireNonNull(onTick, "onTick");
        Objects.requireNonNull(onBar, "onBar");
        Watch watch;
        synchronized (watches) {
            watch = watches.get(ticker);
        }
        if (watch == null) {
            ChartAnswer.Chart seen = recentCharts.latest(ticker, ONE_MINUTE, "1d");
            ChartAnswer first = seen != null ? seen : fetchWithRetries(ticker, ONE_MINUTE, "1d");
            if (first instanceof ChartAnswer.UnknownSymbol unknown) throw refusal(unknown);
            synchronized (watches) {
                watch = watches.get(ticker);
                if (watch == null) {
                    watch = new Watch(ticker);
                    if (first instanceof ChartAnswer.Chart chart) watch.baseline(chart);
                    watches.put(ticker, watch);
                }
            }
        }
        Watch watched = watch;
        watched.listen(onTick, onBar);
        return () -> watched.stopListening(onTick, onBar);
    }

    @Override public Optional<Tick> lastTick(Ticker ticker) {
        synchronized (watches) {
            Watch watch = watches.get(ticker);
            return watch == null ? Optional.empty() : Optional.ofNullable(watch.lastTick);
        }
    }

    @Override public List<Ticker> tickers() { return List.copyOf(tickers); }

    @Override public void close() {
        poller.shutdownNow();
        synchronized (watches) {
            for (Watch watch : watches.values()) watch.clear();
            watches.clear();
        }
    }

    // --- fetching -------------------------------------------------------------------------

    private ChartAnswer fetchWithRetries(Ticker ticker, Duration interval, String range) {
        ChartAnswer answer = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            answer = fetchOnce(ticker, interval, range);
            boolean retry = answer instanceof ChartAnswer.Malformed
                    || answer instanceof ChartAnswer.Unavailable down && down.worthRetrying();
            if (!retry || attempt == settings.attempts()) break;
            try {
                Thread.sleep(waitBefore(attempt, answer));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return answer;
    }

    /** One request, counted and logged. */
    private ChartAnswer fetchOnce(Ticker ticker, Duration interval, String range) {
        requests.incrementAndGet();
        ChartAnswer answer = client.fetch(ticker, interval, range);
        switch (answer) {
            case ChartAnswer.Chart chart -> {
                droppedPoints.addAndGet(chart.droppedPoints());
                recentCharts.put(ticker, interval, range, chart);
            }
            case ChartAnswer.UnknownSymbol unknown -> {
                unknownSymbols.incrementAndGet();
                LOG.info("Yahoo Finance does not know {}: {}", ticker, unknown.providerAnswer());
            }
            case ChartAnswer.Malformed bad -> {
                malformed.incrementAndGet();
                LOG.warn("Yahoo Finance chart of {} skipped: {}", ticker, bad.why());
            }
            case ChartAnswer.Unavailable down -> {
                unavailable.incrementAndGet();
                LOG.warn("Yahoo Finance chart of {} unavailable: {}", ticker, down.why());
            }
        }
        return answer;
    }

    private Duration waitBefore(int attempt, ChartAnswer answer) {
        Duration delay = backoff.delay(attempt);
        if (answer instanceof ChartAnswer.Unavailable down && down.retryAfter().compareTo(delay) > 0) {
            delay = down.retryAfter().compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : down.retryAfter();
        }
        return delay;
    }

    private List<Bar> latestCompleted(ChartAnswer.Chart chart, int count) {
        List<Bar> completed = new ArrayList<>(chart.bars().size());
        for (Bar bar : chart.bars()) if (isCompleted(bar, chart.lastTradeTime())) completed.add(bar);
        return List.copyOf(completed.subList(Math.max(0, completed.size() - count), completed.size()));
    }

    /** A bar is complete once the last trade is at or past its end (the session's close for a daily bar). */
    private boolean isCompleted(Bar bar, Instant lastTrade) {
        Instant end = bar.interval().equals(DAILY) ? calendar.sessionClose(calendar.tradingDate(bar.start())) : bar.end();
        return !end.isAfter(lastTrade);
    }

    private static String range(Duration interval, int count) {
        if (interval.equals(ONE_MINUTE)) return count < 390 ? "1d" : count < 1950 ? "5d" : "7d";
        if (count < 20) return "1mo";
        if (count < 62) return "3mo";
        if (count < 125) return "6mo";
        if (count < 250) return "1y";
        if (count < 500) return "2y";
        if (count < 1250) return "5y";
        if (count < 2500) return "10y";
        return "max";
    }

    private static IllegalArgumentException refusal(ChartAnswer.UnknownSymbol unknown) {
        return new IllegalArgumentException("Yahoo Finance does not know " + unknown.symbol() + ": " + unknown.providerAnswer());
    }

    /**
     * One polled ticker: its listeners and what has been published. Watches are kept per ticker
     * subscribed (a desk's few), and stop polling while nobody listens. What was published is
     * touched by the poller thread only; listeners and scheduling under the watch's lock.
     */
    private final class Watch {
        private final Ticker ticker;
        private final ListenerList<Tick> tickListeners = new ListenerList<>();
        private final ListenerList<Bar> barListeners = new ListenerList<>();
        private int listening;
        private Instant lastBarStart;
        private volatile Tick lastTick;
        private long lastDayVolume;
        private int failures;
        /** Set when polling starts again after nobody listened: what came meanwhile is history by now. */
        private boolean catchUpQuietly;
        private ScheduledFuture<?> next;

        Watch(Ticker ticker) { this.ticker = ticker; }

        /** Adds listeners; polling starts again if it had stopped for want of any. */
        synchronized void listen(Consumer<Tick> onTick, Consumer<Bar> onBar) {
            tickListeners.add(onTick);
            barListeners.add(onBar);
            if (listening++ == 0 && next == null) {
                catchUpQuietly = lastBarStart != null || lastTick != null;
                schedule(settings.pollInterval());
            }
        }

        /** Removes listeners; with none left, polling stops until someone listens again. */
        synchronized void stopListening(Consumer<Tick> onTick, Consumer<Bar> onBar) {
            tickListeners.remove(onTick);
            barListeners.remove(onBar);
            if (--listening > 0) return;
            if (next != null) next.cancel(false);
            next = null;
        }

        synchronized void clear() {
            tickListeners.clear();
            barListeners.clear();
            listening = 0;
            if (next != null) next.cancel(false);
            next = null;
        }

        /** What was already there when polling began: history, not to be published again. */
        void baseline(ChartAnswer.Chart chart) {
            for (Bar bar : chart.bars()) if (isCompleted(bar, chart.lastTradeTime())) lastBarStart = bar.start();
            lastTick = tickOf(chart, 0);
            lastDayVolume = chart.dayVolume();
        }

        /** Called with this watch's lock held. */
        private void schedule(Duration delay) {
            try {
                next = poller.schedule(this::poll, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                next = null;
            }
        }

        private void poll() {
            Duration delay = settings.pollInterval();
            boolean quietly;
            synchronized (this) {
                quietly = catchUpQuietly;
                catchUpQuietly = false;
            }
            if (quietly) {
                ChartAnswer.Chart known = recentCharts.latest(ticker, ONE_MINUTE, "1d");
                if (known != null) baseline(known);
            }
            try {
                ChartAnswer answer = fetchOnce(ticker, ONE_MINUTE, "1d");
                if (answer instanceof ChartAnswer.Chart chart) {
                    if (failures > 0) LOG.info("Yahoo Finance quotes of {} are back after {} failed polls", ticker, failures);
                    failures = 0;
                    publish(chart);
                } else if (answer instanceof ChartAnswer.Unavailable || answer instanceof ChartAnswer.Malformed) {
                    failures++;
                    delay = waitBefore(failures, answer);
                }
            } catch (RuntimeException fault) {
                failures++;
                LOG.warn("Yahoo Finance poll of {} failed", ticker, fault);
            }
            synchronized (this) {
                next = null;
                if (listening > 0 && !poller.isShutdown()) schedule(delay);
            }
        }

        private void publish(ChartAnswer.Chart chart) {
            for (Bar bar : chart.bars()) {
                if (!isCompleted(bar, chart.lastTradeTime())) break;
                if (lastBarStart != null && !bar.start().isAfter(lastBarStart)) continue;
                lastBarStart = bar.start();
                barListeners.publish(bar);
            }
            Tick previous = lastTick;
            if (previous == null || chart.lastTradeTime().toEpochMilli() > previous.epochMillis()) {
                Tick tick = tickOf(chart, Math.max(0, chart.dayVolume() - lastDayVolume));
                lastDayVolume = chart.dayVolume();
                lastTick = tick;
                tickListeners.publish(tick);
            }
        }

        private Tick tickOf(ChartAnswer.Chart chart, long size) {
            long price = chart.lastPriceMicros();
            return new Tick(ticker, chart.lastTradeTime().toEpochMilli(), price, price, price, size);
        }
    }
}
