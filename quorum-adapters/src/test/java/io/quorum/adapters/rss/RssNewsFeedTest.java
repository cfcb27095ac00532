package io.quorum.adapters.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.quorum.adapters.testing.LocalHttpServer;
import io.quorum.adapters.testing.LocalHttpServer.Answer;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.time.SystemClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RssNewsFeedTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final LocalHttpServer server = new LocalHttpServer();
    private RssNewsFeed feed;

    RssNewsFeedTest() {
        server.route("/rss/yahoo-aapl", uri -> Answer.ok(LocalHttpServer.resource("rss/yahoo-aapl.xml"), "application/rss+xml"));
        server.route("/atom/wire-aapl", uri -> Answer.ok(LocalHttpServer.resource("rss/wire-aapl.atom"), "application/atom+xml"));
    }

    @AfterEach
    void stop() {
        if (feed != null) feed.close();
        server.close();
    }

    private RssNewsFeed feed(String... paths) {
        List<URI> urls = java.util.Arrays.stream(paths).map(server::url).toList();
        feed = RssNewsFeed.create(Map.of(AAPL, urls), RssSettings.defaults()
                .withPollInterval(Duration.ofMillis(20))
                .withTimeout(Duration.ofMillis(300))
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)), SystemClock.INSTANCE);
        return feed;
    }

    @Test
    void the_first_read_fills_the_recent_headlines_without_announcing_them() {
        RssNewsFeed news = feed("/rss/yahoo-aapl");
        List<NewsItem> heard = new CopyOnWriteArrayList<>();
        news.subscribe(heard::add);

        await().atMost(PATIENCE).until(() -> news.stats().reads() >= 3);

        assertThat(news.recent(AAPL, 10)).containsExactly(
                new NewsItem(AAPL, "iPhone 16 goes on sale as lines form at Apple stores", "Yahoo! Finance: AAPL News", Instant.parse("2024-09-20T14:02:00Z")),
                new NewsItem(AAPL, "Apple pre-orders point to softer demand, analysts say", "Yahoo! Finance: AAPL News", Instant.parse("2024-09-19T12:00:00Z")));
        assertThat(heard).isEmpty();
        assertThat(news.stats().delivered()).isZero();
    }

    @Test
    void an_atom_feed_is_read_and_a_story_already_seen_by_its_link_is_dropped() {
        RssNewsFeed news = feed("/rss/yahoo-aapl", "/atom/wire-aapl");

        // Two reads may be of one feed twice when the other's first read is late: wait for the stories of both.
        await().atMost(PATIENCE).until(() -> news.recent(AAPL, 10).size() >= 3);

        List<String> headlines = news.recent(AAPL, 10).stream().map(NewsItem::headline).toList();
        assertThat(headlines).hasSize(3).contains("Apple to hold its annual shareholder meeting in February", "Apple pre-orders point to softer demand, analysts say");
        assertThat(headlines).as("the iPhone story, under one link in both feeds, is kept once, from whichever feed was read first")
                .containsAnyOf("iPhone 16 goes on sale as lines form at Apple stores", "The same iPhone story, syndicated");
        assertThat(news.recent(AAPL, 1).getFirst().publishedAt()).isEqualTo(Instant.parse("2024-09-20T15:30:00Z"));
        assertThat(news.recent(AAPL, 1).getFirst().source()).isEqualTo("Market Wire: Apple Inc.");
        assertThat(news.stats().duplicates()).isPositive();
    }

    @Test
    void a_story_published_after_the_first_read_is_announced_once() {
        Stories stories = new Stories("Test Wire");
        server.route("/rss/live", uri -> Answer.ok(stories.rss(), "application/rss+xml"));
        RssNewsFeed news = feed("/rss/live");
        List<NewsItem> heard = new CopyOnWriteArrayList<>();
        news.subscribe(heard::add);
        await().atMost(PATIENCE).until(() -> news.stats().reads() >= 1);

        stories.add(new Stories.Story("g-1", "https://news.example.com/1", "Apple beats estimates", Instant.parse("2024-09-20T20:30:00Z")));
        await().atMost(PATIENCE).until(() -> !heard.isEmpty());
        long reads = news.stats().reads();
        await().atMost(PATIENCE).until(() -> news.stats().reads() >= reads + 3);

        assertThat(heard).containsExactly(new NewsItem(AAPL, "Apple beats estimates", "Test Wire", Instant.parse("2024-09-20T20:30:00Z")));
    }

    @Test
    void a_broken_a_slow_and_a_malformed_feed_do_not_stop_a_good_one() {
        Stories stories = new Stories("Test Wire");
        server.route("/rss/live", uri -> Answer.ok(stories.rss(), "application/rss+xml"));
        server.route("/broken", uri -> Answer.status(500));
        server.route("/slow", uri -> new Answer(200, stories.rss(), "application/rss+xml", Duration.ofSeconds(2), Map.of()));
        server.route("/html", uri -> Answer.ok("<html><body>Sorry, we are down</body></html>", "text/html"));
        RssNewsFeed news = feed("/broken", "/slow", "/html", "/rss/live");
        List<NewsItem> heard = new CopyOnWriteArrayList<>();
        news.subscribe(heard::add);
        await().atMost(PATIENCE).until(() -> news.stats().reads() >= 1);

        stories.add(new Stories.Story("g-1", "https://news.example.com/1", "Apple beats estimates", Instant.parse("2024-09-20T20:30:00Z")));

        await().atMost(PATIENCE).until(() -> !heard.isEmpty());
        await().atMost(PATIENCE).until(() -> news.stats().failures() >= 2 && news.stats().malformed() >= 1);
        assertThat(heard).extracting(NewsItem::headline).containsExactly("Apple beats estimates");
    }

    @Test
    void a_failing_feed_is_read_again_later_and_is_heard_once_it_recovers() {
        Stories stories = new Stories("Test Wire");
        AtomicInteger asked = new AtomicInteger();
        server.route("/flaky", uri -> asked.incrementAndGet() <= 3 ? Answer.status(503) : Answer.ok(stories.rss(), "application/rss+xml"));
        RssNewsFeed news = feed("/flaky");
        List<NewsItem> heard = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription ignored = news.subscribe(heard::add)) {
            await().atMost(PATIENCE).until(() -> news.stats().reads() >= 1);
            stories.add(new Stories.Story("g-1", "https://news.example.com/1", "Apple beats estimates", Instant.parse("2024-09-20T20:30:00Z")));
            await().atMost(PATIENCE).until(() -> !heard.isEmpty());
        }

        assertThat(news.stats().failures()).isEqualTo(3);
        assertThat(heard).extracting(NewsItem::headline).containsExactly("Apple beats estimates");
    }

    @Test
    void a_ticker_followed_after_the_start_is_read_from_the_default_feed_made_for_it_once() {
        Ticker msft = Ticker.of("MSFT");
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        server.route("/followed/MSFT", uri -> {
            asked.incrementAndGet();
            return Answer.ok(LocalHttpServer.resource("rss/yahoo-aapl.xml"), "application/rss+xml");
        });
        feed = RssNewsFeed.create(Map.of(AAPL, List.of(server.url("/rss/yahoo-aapl"))), server.url("/followed/") + "{ticker}",
                RssSettings.defaults().withPollInterval(Duration.ofMinutes(10)).withTimeout(Duration.ofMillis(300)), SystemClock.INSTANCE);
        assertThat(feed.recent(msft, 10)).isEmpty();

        feed.follow(msft);
        feed.follow(msft);

        await().atMost(PATIENCE).until(() -> feed.recent(msft, 10).size() == 2);
        assertThat(feed.recent(msft, 10)).allSatisfy(item -> assertThat(item.ticker()).isEqualTo(msft));
        assertThat(asked.get()).as("followed twice, read once per poll").isEqualTo(1);
    }

    @Test
    void a_feed_url_is_made_from_a_template_with_the_ticker() {
        assertThat(RssNewsFeed.feedFor(RssNewsFeed.YAHOO_HEADLINES, Ticker.of("BRK.B")))
                .isEqualTo(URI.create("https://feeds.finance.yahoo.com/rss/2.0/headline?s=BRK.B&region=US&lang=en-US"));
    }

    @Test
    void a_token_in_a_feed_query_never_reaches_the_log() {
        Logger logger = (Logger) LoggerFactory.getLogger(RssNewsFeed.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            server.route("/private", uri -> Answer.status(500));
            RssNewsFeed news = feed("/private?token=sk-canary-5678");
            await().atMost(PATIENCE).until(() -> news.stats().failures() >= 2);
        } finally {
            logger.detachAppender(log);
        }

        assertThat(log.list).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains("/private").doesNotContain("sk-canary-5678");
        });
    }
}
