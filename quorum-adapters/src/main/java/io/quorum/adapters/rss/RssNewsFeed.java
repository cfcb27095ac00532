package io.quorum.adapters.rss;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.quorum.adapters.http.Backoff;
import io.quorum.engine.market.ListenerList;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.port.NewsFeed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headlines from RSS and Atom feeds (read by Rome), a list of feed URLs per ticker, each read
 * every {@link RssSettings#pollInterval()} on the feed's own threads ({@code rss-news}).
 *
 * <p>A story is new the first time its guid (Atom: id) or its link is seen for its ticker; the
 * same story in a later read, or in another feed of the same ticker, is dropped. The stories a
 * feed holds at its first read are what was already said: they fill {@link #recent} but are not
 * announced. A feed that fails (no answer, too slow, an HTTP error, not RSS or Atom) is logged,
 * counted and read again after a jittered backoff; it never stops the other feeds.
 * Listeners are called on the feed's threads, one story at a time, and must only hand the story on.
 */
public final class RssNewsFeed implements NewsFeed {
    /** Yahoo Finance's headline feed for a ticker, the default source. */
    public static final String YAHOO_HEADLINES = "https://feeds.finance.yahoo.com/rss/2.0/headline?s={ticker}&region=US&lang=en-US";

    private static final Logger LOG = LoggerFactory.getLogger(RssNewsFeed.class);
    private static final int RECENT_KEPT_PER_TICKER = 200;

    private final RssSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final Backoff backoff;
    private final ListenerList<NewsItem> listeners = new ListenerList<>();
    /** Held while stories are handed on, so that a listener is never called by two readers at once. */
    private final Object delivering = new Object();
    private final Map<Ticker, TickerNews> news = new ConcurrentHashMap<>();
    /** The feed template a ticker followed later is read from, {@code {ticker}} standing for its symbol; null when none. */
    private final String followedFeed;
    private final ScheduledExecutorService readers;

    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    private RssNewsFeed(Map<Ticker, List<URI>> feeds, String followedFeed, RssSettings settings, HttpClient http, Clock clock) {
        this.followedFeed = followedFeed;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Backoff.of(settings.initialBackoff(), settings.maxBackoff());
        this.readers = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("rss-news-", 1).daemon()
                .uncaughtExceptionHandler((thread, fault) -> LOG.warn("a listener of the news feed failed; the feed goes on", fault))
                .factory());
        for (Map.Entry<Ticker, List<URI>> entry : feeds.entrySet()) {
            news.put(entry.getKey(), new TickerNews());
            for (URI url : entry.getValue()) new Source(entry.getKey(), url).schedule(Duration.ZERO);
        }
    }

    /** Reads {@code feeds} (per ticker) from now on, with {@code clock} for stories that carry no date; no other ticker is {@link #follow followed}. */
    public static RssNewsFeed create(Map<Ticker, List<URI>> feeds, RssSettings settings, Clock clock) {
        return create(feeds, null, settings, clock);
    }

    /**
     * Reads {@code feeds} (per ticker) from now on, and the feed made from {@code followedFeed}
     * (a template with {@code {ticker}}) for any other ticker the desk comes to {@link #follow}.
     */
    public static RssNewsFeed create(Map<Ticker, List<URI>> feeds, String followedFeed, RssSettings settings, Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new RssNewsFeed(new LinkedHashMap<>(feeds), followedFeed, settings, http, clock);
    }

    /** Starts reading the template's feed for {@code ticker}, unless it is read already or there is no template. */
    @Override public void follow(Ticker ticker) {
        if (followedFeed == null || news.putIfAbsent(ticker, new TickerNews()) != null) return;
        new Source(ticker, feedFor(followedFeed, ticker)).schedule(Duration.ZERO);
    }

    /** A feed URL from a template in which {@code {ticker}} stands for the symbol, such as {@link #YAHOO_HEADLINES}. */
    public static URI feedFor(String template, Ticker ticker) {
        return URI.create(template.replace("{ticker}", URLEncoder.encode(ticker.symbol(), StandardCharsets.UTF_8)));
    }

    public RssFeedStats stats() {
        return new RssFeedStats(reads.get(), failures.get(), malformed.get(), delivered.get(), duplicates.get());
    }

    @Override public MarketDataFeed.Subscription subscribe(Consumer<NewsItem> onNews) {
        listeners.add(onNews);
        return () -> listeners.remove(onNews);
    }

    @Override public List<NewsItem> recent(Ticker ticker, int count) {
        if (count < 0) throw new IllegalArgumentException("count must not be negative: " + count);
        TickerNews tickerNews = news.get(ticker);
        if (tickerNews == null) return List.of();
        synchronized (tickerNews) {
            List<NewsItem> latest = new ArrayList<>(Math.min(count, tickerNews.recent.size()));
            Iterator<NewsItem> newestFirst = tickerNews.recent.iterator();
            while (latest.size() < count && newestFirst.hasNext()) latest.add(newestFirst.next());
            return latest;
        }
    }

    @Override public void close() {
        readers.shutdownNow();
        listeners.clear();
    }

    /** The stories already seen for one ticker: their ids, bounded, and the latest ones, newest first. */
    private final class TickerNews {
        final LinkedHashSet<String> seen = new LinkedHashSet<>();
        final ArrayDeque<NewsItem> recent = new ArrayDeque<>();

        /** Whether the story is new; remembers its keys either way. Called with this object's lock held. */
        boolean firstSight(List<String> keys) {
            boolean known = false;
            for (String key : keys) known |= seen.contains(key);
            for (String key : keys) {
                seen.remove(key);
                seen.add(key);
            }
            while (seen.size() > settings.remembered()) seen.removeFirst();
            return !known;
        }

        /** Keeps {@code item} among the recent stories, newest first by publication time. */
        void remember(NewsItem item) {
            List<NewsItem> all = new ArrayList<>(recent);
            all.add(item);
            all.sort(Comparator.comparing(NewsItem::publishedAt).reversed());
            recent.clear();
            for (NewsItem each : all) if (recent.size() < RECENT_KEPT_PER_TICKER) recent.addLast(each);
        }
    }

    /** One feed URL of one ticker, read again and again. */
    private final class Source {
        private final Ticker ticker;
        private final URI url;
        private boolean primed;
        private int failed;

        Source(Ticker ticker, URI url) {
            this.ticker = ticker;
            this.url = url;
        }

        void schedule(Duration delay) {
            try {
                readers.schedule(this::read, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                LOG.debug("news feed closed; {} is no longer read", where());
            }
        }

        private void read() {
            Duration next = settings.pollInterval();
            try {
                SyndFeed feed = fetch();
                if (feed != null) {
                    if (failed > 0) LOG.info("news feed {} of {} is back after {} failed reads", where(), ticker, failed);
                    failed = 0;
                    take(feed);
                    reads.incrementAndGet();
                } else {
                    failed++;
                    next = backoff.delay(failed);
                }
            } catch (RuntimeException fault) {
                failed++;
                next = backoff.delay(failed);
                failures.incrementAndGet();
                LOG.warn("news feed {} of {} failed; next read in {}", where(), ticker, next, fault);
            }
            if (!readers.isShutdown()) schedule(next);
        }

        /** The feed, or null when the read failed (logged and counted). */
        private SyndFeed fetch() {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(settings.timeout())
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                    .header("User-Agent", "Mozilla/5.0 (compatible; Quorum trading desk)")
                    .GET().build();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException unreachable) {
                failures.incrementAndGet();
                LOG.warn("news feed {} of {} did not answer: {}", where(), ticker, unreachable.toString());
                return null;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (response.statusCode() != 200) {
                failures.incrementAndGet();
                LOG.warn("news feed {} of {} answered HTTP {}", where(), ticker, response.statusCode());
                return null;
            }
            try {
                return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body())));
            } catch (FeedException | IOException | IllegalArgumentException notAFeed) {
                malformed.incrementAndGet();
                LOG.warn("news feed {} of {} is not RSS or Atom: {}", where(), ticker, notAFeed.getMessage());
                return null;
            }
        }

        /** Hands on the stories not seen before, oldest first; at the first read they are only remembered. */
        private void take(SyndFeed feed) {
            String source = feed.getTitle() == null || feed.getTitle().isBlank() ? url.getHost() : feed.getTitle().strip();
            List<NewsItem> fresh = new ArrayList<>();
            TickerNews tickerNews = news.get(ticker);
            synchronized (tickerNews) {
                for (SyndEntry entry : feed.getEntries()) {
                    String headline = entry.getTitle() == null ? "" : entry.getTitle().replaceAll("\\s+", " ").strip();
                    if (headline.isEmpty()) continue;
                    List<String> keys = keys(entry, headline);
                    if (!tickerNews.firstSight(keys)) {
                        duplicates.incrementAndGet();
                        continue;
                    }
                    NewsItem item = new NewsItem(ticker, headline, source, publishedAt(entry));
                    tickerNews.remember(item);
                    fresh.add(item);
                }
            }
            if (!primed) {
                primed = true;
                return;
            }
            fresh.sort(Comparator.comparing(NewsItem::publishedAt));
            synchronized (delivering) {
                for (NewsItem item : fresh) {
                    delivered.incrementAndGet();
                    listeners.publish(item);
                }
            }
        }

        private Instant publishedAt(SyndEntry entry) {
            Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            return date == null ? clock.now() : date.toInstant();
        }

        /** Where the feed is, without its query (which is the user's, and could hold a token). */
        private String where() { return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + url.getPath(); }
    }

    private static List<String> keys(SyndEntry entry, String headline) {
        List<String> keys = new ArrayList<>(2);
        if (entry.getUri() != null && !entry.getUri().isBlank()) keys.add("id:" + entry.getUri().strip());
        if (entry.getLink() != null && !entry.getLink().isBlank()) keys.add("link:" + entry.getLink().strip());
        if (keys.isEmpty()) keys.add("title:" + headline);
        return keys;
    }
}
