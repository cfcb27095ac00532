package io.quorum.adapters.alpaca;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.SymbolLookup;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.MarketDataFeed;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Market data from Alpaca: daily and 1-minute history over REST ({@code GET /v2/stocks/{symbol}/bars},
 * page after page by {@code next_page_token}), and live trades, quotes and minute bars over the
 * market data stream ({@code /v2/iex} or {@code /v2/sip}), which the feed opens at the first
 * subscription and keeps open, reconnecting and subscribing again whenever it is lost.
 *
 * <p>A symbol the provider does not know (a 404 or a 422 of the bars endpoint) is refused with
 * its own answer. Nothing else the provider does stops the feed: 429 and 5xx are retried after a
 * jittered backoff, a refusal of the keys (401/403) or an unreadable page gives an empty history
 * (logged and counted), and the stream's errors are handled as {@link StreamError} says. Only the
 * regular session's minute bars are history here, as with the other feeds. Listeners are called on
 * the stream's thread ({@code alpaca-market}) and must only hand the data on.
 */
public final class AlpacaMarketDataFeed implements MarketDataFeed {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaMarketDataFeed.class);
    private static final int PAGE_LIMIT = 10_000;
    /** A listed ticker has a daily bar within this many trading days, through holidays and short halts. */
    private static final int ADMIT_LOOKBACK_DAYS = 20;

    private final AlpacaSettings settings;
    private final AlpacaRest rest;
    private final AlpacaStream stream;
    private final AlpacaTickRouter router = new AlpacaTickRouter();
    private final ExchangeCalendar calendar;
    private final Clock clock;
    /** The configured tickers, then each one {@link #admit} found known, in that order. */
    private final CopyOnWriteArrayList<Ticker> tickers;
    private final Set<Ticker> known = ConcurrentHashMap.newKeySet();
    private final HttpClient http;

    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong droppedBars = new AtomicLong();
    private final AtomicLong unknownSymbols = new AtomicLong();

    private AlpacaMarketDataFeed(AlpacaSettings settings, AlpacaKeys keys, List<Ticker> tickers, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calendar = ExchangeCalendar.NYSE;
        this.tickers = new CopyOnWriteArrayList<>(tickers);
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.rest = new AlpacaRest(http, settings, keys);
        this.stream = new AlpacaStream("market", settings.marketStream(), keys, List.of("trades", "quotes", "bars"), router, settings);
    }

    /** A feed serving {@code tickers} on the NYSE calendar, whose history ends at {@code clock}'s now. */
    public static AlpacaMarketDataFeed create(AlpacaSettings settings, AlpacaKeys keys, List<Ticker> tickers, Clock clock) {
        return new AlpacaMarketDataFeed(settings, keys, tickers, clock);
    }

    public AlpacaFeedStats stats() {
        return new AlpacaFeedStats(rest.requests(), rest.unavailable(), rest.refused(), malformed.get(), droppedBars.get(), unknownSymbols.get(),
                router.outOfOrder(), router.unusable(), stream.stats());
    }

    /**
     * The latest completed bars, fetched now, oldest first. A refusal of the symbol throws; a
     * provider that stays unavailable, refuses the keys or answers unreadably gives an empty list.
     */
    @Override public List<Bar> history(Ticker ticker, Duration interval, int count) {
        if (count < 0) throw new IllegalArgumentException("count must not be negative: " + count);
        if (!interval.equals(DAILY) && !interval.equals(ONE_MINUTE)) throw new IllegalArgumentException("Alpaca history is daily or 1-minute here, not " + interval);
        if (count == 0) return List.of();
        Instant now = clock.now();
        List<Bar> newestFirst = new ArrayList<>(count);
        String pageToken = null;
        do {
            RestJson.BarsPage.Page bars = page(ticker, interval, barsQuery(ticker, interval, lookbackStart(now, interval, count), Math.min(PAGE_LIMIT, count), pageToken));
            if (bars == null) return List.of();
            droppedBars.addAndGet(bars.dropped());
            for (Bar bar : bars.bars()) {
                if (newestFirst.size() == count) break;
                if (isCompleted(bar, now) && (interval.equals(DAILY) || calendar.isOpen(bar.start()))) newestFirst.add(bar);
            }
            known.add(ticker);
            pageToken = bars.nextPageToken();
        } while (pageToken != null && newestFirst.size() < count);
        newestFirst.sort(Comparator.comparing(Bar::start));
        List<Bar> oldestFirst = new ArrayList<>(newestFirst.size());
        for (Bar bar : newestFirst) if (oldestFirst.isEmpty() || bar.start().isAfter(oldestFirst.getLast().start())) oldestFirst.add(bar);
        return List.copyOf(oldestFirst);
    }

    /**
     * Streams {@code ticker}'s trades, quotes and minute bars to the listeners, the stream opened
     * at the first subscription. A symbol the provider does not know is refused.
     */
    @Override public Subscription subscribe(Ticker ticker, Consumer<Tick> onTick, Consumer<Bar> onBar) {
        Objects.requireNonNull(onTick, "onTick");
        Objects.requireNonNull(onBar, "onBar");
        requireKnown(ticker);
        if (router.listen(ticker, onTick, onBar)) stream.add(ticker.symbol());
        stream.start();
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.getAndSet(false) && router.stopListening(ticker, onTick, onBar)) stream.remove(ticker.symbol());
        };
    }

    @Override public Optional<Tick> lastTick(Ticker ticker) { return router.lastTick(ticker); }

    @Override public List<Ticker> tickers() { return List.copyOf(tickers); }

    /**
     * Asks Alpaca for {@code ticker}'s latest daily bar. Known when it has one; unknown when it
     * refuses the symbol (404, 422) or answers with no bar at all over the last weeks, which is how
     * its bars endpoint answers a well-formed symbol it does not list; unavailable otherwise.
     */
    @Override public SymbolLookup admit(Ticker ticker) {
        Instant now = clock.now();
        SymbolLookup lookup = switch (rest.get(barsQuery(ticker, DAILY, lookbackStart(now, DAILY, ADMIT_LOOKBACK_DAYS), 1, null))) {
            case RestAnswer.UnknownSymbol unknown -> {
                noteUnknown(ticker, unknown.providerAnswer());
                yield new SymbolLookup.Unknown(ticker, unknown.providerAnswer());
            }
            case RestAnswer.Refused refused -> new SymbolLookup.Unavailable(ticker, "Alpaca refused the request: " + refused.why());
            case RestAnswer.Unavailable down -> new SymbolLookup.Unavailable(ticker, "Alpaca is unavailable: " + down.why());
            case RestAnswer.Body body -> switch (RestJson.bars(body.json(), ticker, DAILY, calendar)) {
                case RestJson.BarsPage.Malformed bad -> {
                    malformed.incrementAndGet();
                    yield new SymbolLookup.Unavailable(ticker, "Alpaca's answer was unreadable: " + bad.why());
                }
                case RestJson.BarsPage.Page page when page.bars().isEmpty() -> {
                    String answer = "Alpaca has no daily bars of " + ticker + " in the last " + ADMIT_LOOKBACK_DAYS + " trading days";
                    noteUnknown(ticker, answer);
                    yield new SymbolLookup.Unknown(ticker, answer);
                }
                case RestJson.BarsPage.Page page -> new SymbolLookup.Known(ticker, calendar.zone());
            };
        };
        if (lookup instanceof SymbolLookup.Known) {
            known.add(ticker);
            tickers.addIfAbsent(ticker);
        }
        return lookup;
    }

    @Override public void close() {
        stream.close();
        http.shutdownNow();
    }

    /** Asks for one daily bar unless the symbol proved known before: the stream itself accepts any symbol, known or not. */
    private void requireKnown(Ticker ticker) {
        if (known.contains(ticker)) return;
        Instant now = clock.now();
        RestAnswer answer = rest.get(barsQuery(ticker, DAILY, lookbackStart(now, DAILY, 1), 1, null));
        if (answer instanceof RestAnswer.UnknownSymbol unknown) throw refusal(ticker, unknown);
        if (answer instanceof RestAnswer.Body) known.add(ticker);
    }

    private String barsQuery(Ticker ticker, Duration interval, Instant start, int limit, String pageToken) {
        String query = "/v2/stocks/" + URLEncoder.encode(ticker.symbol(), StandardCharsets.UTF_8) + "/bars"
                + "?timeframe=" + (interval.equals(DAILY) ? "1Day" : "1Min")
                + "&start=" + start
                + "&limit=" + limit
                + "&sort=desc&adjustment=raw&feed=" + settings.feed().wireName();
        return pageToken == null ? query : query + "&page_token=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8);
    }

    /** Far enough back for {@code count} bars: weekends and holidays for days, the nights and closed days for minutes. */
    private static Instant lookbackStart(Instant now, Duration interval, int count) {
        long days = interval.equals(DAILY) ? count * 3L / 2 + 10 : count / 390L * 3 / 2 + 5;
        return now.minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    /** A bar is complete once its end is past: the session's close for a daily bar. */
    private boolean isCompleted(Bar bar, Instant now) {
        Instant end = bar.interval().equals(DAILY) ? calendar.sessionClose(calendar.tradingDate(bar.start())) : bar.end();
        return !end.isAfter(now);
    }

    /** One page of bars, or null when there is none to use (logged and counted); an unknown symbol throws. */
    private RestJson.BarsPage.Page page(Ticker ticker, Duration interval, String query) {
        String body = switch (rest.get(query)) {
            case RestAnswer.Body answer -> answer.json();
            case RestAnswer.UnknownSymbol unknown -> throw refusal(ticker, unknown);
            case RestAnswer.Refused refused -> unavailable(ticker, refused.why());
            case RestAnswer.Unavailable down -> unavailable(ticker, down.why());
        };
        if (body == null) return null;
        return switch (RestJson.bars(body, ticker, interval, calendar)) {
            case RestJson.BarsPage.Page page -> page;
            case RestJson.BarsPage.Malformed bad -> {
                malformed.incrementAndGet();
                LOG.warn("Alpaca bars of {} skipped: {}", ticker, bad.why());
                yield null;
            }
        };
    }

    private static String unavailable(Ticker ticker, String why) {
        LOG.warn("Alpaca bars of {} unavailable: {}", ticker, why);
        return null;
    }

    private IllegalArgumentException refusal(Ticker ticker, RestAnswer.UnknownSymbol unknown) {
        noteUnknown(ticker, unknown.providerAnswer());
        return new IllegalArgumentException("Alpaca does not know " + ticker + ": " + unknown.providerAnswer());
    }

    private void noteUnknown(Ticker ticker, String providerAnswer) {
        unknownSymbols.incrementAndGet();
        LOG.info("Alpaca does not know {}: {}", ticker, providerAnswer);
    }
}
