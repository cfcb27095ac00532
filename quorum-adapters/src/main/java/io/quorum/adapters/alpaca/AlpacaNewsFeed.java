package io.quorum.adapters.alpaca;

import io.quorum.engine.market.ListenerList;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.port.NewsFeed;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headlines from Alpaca's news: the stream ({@code /v1beta1/news}) for what is published from now
 * on, and the REST history ({@code GET /v1beta1/news?symbols=…&sort=desc}) for the latest stories
 * of a ticker, fetched once, at its first {@link #recent} request. A story about several watched
 * tickers is one headline for each of them.
 *
 * <p>A story is new the first time its provider id is seen: the same story sent again (after a
 * reconnection, or an update of it) is dropped, and so is a story of the history that the stream
 * already brought. A broken stream is reconnected after a jittered backoff and a failing history
 * request gives what is already known; both are logged and counted, and neither is ever fatal.
 * Listeners are called on the stream's thread ({@code alpaca-news}) and must only hand the story on.
 */
public final class AlpacaNewsFeed implements NewsFeed {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaNewsFeed.class);
    private static final int RECENT_KEPT_PER_TICKER = 200;
    private static final int IDS_REMEMBERED = 10_000;
    private static final int HISTORY_FETCHED = 50;
    private static final String DEFAULT_SOURCE = "Alpaca";

    private final AlpacaRest rest;
    private final AlpacaStream stream;
    private final HttpClient http;
    private final Set<Ticker> tickers;
    private final ListenerList<NewsItem> listeners = new ListenerList<>();
    /** Guards the ids seen, the recent stories and the tickers whose history was fetched. */
    private final Object lock = new Object();
    private final LinkedHashSet<Long> seen = new LinkedHashSet<>();
    private final Map<Ticker, ArrayDeque<NewsItem>> recent = new HashMap<>();
    private final Set<Ticker> historyFetched = new HashSet<>();

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong historyFailures = new AtomicLong();

    private AlpacaNewsFeed(AlpacaSettings settings, AlpacaKeys keys, List<Ticker> tickers) {
        this.tickers = Set.copyOf(tickers);
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.rest = new AlpacaRest(http, settings, keys);
        this.stream = new AlpacaStream("news", settings.newsStream(), keys, List.of("news"), new StreamListener() {
            @Override public void story(NewsStory story) { heard(story); }
        }, settings);
        for (Ticker ticker : this.tickers) stream.add(ticker.symbol());
        stream.start();
    }

    /** Streams the news of {@code tickers} from now on. */
    public static AlpacaNewsFeed create(AlpacaSettings settings, AlpacaKeys keys, List<Ticker> tickers) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(keys, "keys");
        if (tickers.isEmpty()) throw new IllegalArgumentException("Alpaca news needs the tickers to follow");
        return new AlpacaNewsFeed(settings, keys, tickers);
    }

    public AlpacaNewsStats stats() {
        return new AlpacaNewsStats(delivered.get(), duplicates.get(), malformed.get(), historyFailures.get(), rest.requests(), stream.stats());
    }

    @Override public MarketDataFeed.Subscription subscribe(Consumer<NewsItem> onNews) {
        listeners.add(onNews);
        return () -> listeners.remove(onNews);
    }

    /** The latest stories about {@code ticker}, newest first: the history, fetched at the first request, with what the stream brought. */
    @Override public List<NewsItem> recent(Ticker ticker, int count) {
        if (count < 0) throw new IllegalArgumentException("count must not be negative: " + count);
        if (!tickers.contains(ticker)) return List.of();
        boolean fetch;
        synchronized (lock) {
            fetch = historyFetched.add(ticker);
        }
        if (fetch && !fetchHistory(ticker)) {
            synchronized (lock) {
                historyFetched.remove(ticker);
            }
        }
        synchronized (lock) {
            ArrayDeque<NewsItem> kept = recent.get(ticker);
            if (kept == null) return List.of();
            List<NewsItem> latest = new ArrayList<>(Math.min(count, kept.size()));
            Iterator<NewsItem> newestFirst = kept.iterator();
            while (latest.size() < count && newestFirst.hasNext()) latest.add(newestFirst.next());
            return latest;
        }
    }

    @Override public void close() {
        stream.close();
        http.shutdownNow();
        listeners.clear();
    }

    /** A story from the stream: handed on for each watched ticker it is about, unless its id was seen. */
    private void heard(NewsStory story) {
        List<NewsItem> fresh;
        synchronized (lock) {
            if (!firstSight(story.id())) {
                duplicates.incrementAndGet();
                return;
            }
            fresh = remember(story);
        }
        for (NewsItem item : fresh) {
            delivered.incrementAndGet();
            listeners.publish(item);
        }
    }

    /** Whether the history could be read; its stories are remembered, not announced. */
    private boolean fetchHistory(Ticker ticker) {
        String query = "/v1beta1/news?symbols=" + URLEncoder.encode(ticker.symbol(), StandardCharsets.UTF_8) + "&limit=" + HISTORY_FETCHED + "&sort=desc";
        String body = switch (rest.get(query)) {
            case RestAnswer.Body answer -> answer.json();
            case RestAnswer.UnknownSymbol unknown -> failedHistory(ticker, unknown.providerAnswer());
            case RestAnswer.Refused refused -> failedHistory(ticker, refused.why());
            case RestAnswer.Unavailable down -> failedHistory(ticker, down.why());
        };
        if (body == null) return false;
        return switch (RestJson.news(body)) {
            case RestJson.NewsPage.Malformed bad -> {
                malformed.incrementAndGet();
                failedHistory(ticker, "an unreadable answer: " + bad.why());
                yield false;
            }
            case RestJson.NewsPage.Page page -> {
                synchronized (lock) {
                    for (NewsStory story : page.stories()) if (firstSight(story.id())) remember(story);
                }
                yield true;
            }
        };
    }

    private String failedHistory(Ticker ticker, String why) {
        historyFailures.incrementAndGet();
        LOG.warn("Alpaca news history of {} unavailable, asked again at the next request: {}", ticker, why);
        return null;
    }

    /** Whether the id is new; remembers it either way. Called with the lock held. */
    private boolean firstSight(long id) {
        boolean fresh = seen.add(id);
        if (seen.size() > IDS_REMEMBERED) seen.removeFirst();
        return fresh;
    }

    /** Keeps the story among each of its watched tickers' recent ones, newest first; returns the headlines made. Called with the lock held. */
    private List<NewsItem> remember(NewsStory story) {
        List<NewsItem> made = new ArrayList<>(1);
        String source = story.source().isBlank() ? DEFAULT_SOURCE : story.source();
        for (String symbol : story.symbols()) {
            Ticker ticker = watched(symbol);
            if (ticker == null) continue;
            NewsItem item = new NewsItem(ticker, story.headline(), source, story.createdAt());
            List<NewsItem> all = new ArrayList<>(recent.getOrDefault(ticker, new ArrayDeque<>()));
            all.add(item);
            all.sort(Comparator.comparing(NewsItem::publishedAt).reversed());
            ArrayDeque<NewsItem> kept = new ArrayDeque<>();
            for (NewsItem each : all) if (kept.size() < RECENT_KEPT_PER_TICKER) kept.addLast(each);
            recent.put(ticker, kept);
            made.add(item);
        }
        return made;
    }

    private Ticker watched(String symbol) {
        for (Ticker ticker : tickers) if (ticker.symbol().equals(symbol)) return ticker;
        return null;
    }
}
