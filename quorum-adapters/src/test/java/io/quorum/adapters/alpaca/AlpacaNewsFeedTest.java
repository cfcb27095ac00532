package io.quorum.adapters.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.adapters.alpaca.AlpacaServer.Answer;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlpacaNewsFeedTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Ticker MSFT = Ticker.of("MSFT");
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Instant MORNING = Instant.parse("2024-09-20T14:00:00Z");

    private final AlpacaServer server = new AlpacaServer();
    private final AlpacaNewsFeed feed = AlpacaNewsFeed.create(server.settings(), AlpacaServer.keys(), List.of(AAPL, MSFT));

    @AfterEach
    void stop() {
        feed.close();
        server.close();
    }

    @Test
    void a_story_about_two_followed_tickers_is_a_headline_for_each_with_its_provider_as_source() {
        List<NewsItem> heard = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription ignored = feed.subscribe(heard::add)) {
            server.sendNews("AAPL", AlpacaServer.fixture("stream-news.json"));
            await().atMost(PATIENCE).until(() -> heard.size() == 2);
        }

        String headline = "Apple Shares Are Trading Higher After Analyst Upgrade";
        Instant published = Instant.parse("2024-09-20T14:02:37Z");
        assertThat(heard).containsExactly(new NewsItem(AAPL, headline, "benzinga", published), new NewsItem(MSFT, headline, "benzinga", published));
    }

    @Test
    void the_history_is_read_once_from_the_rest_format_and_merged_with_the_stream_without_repeats() {
        server.script(Answer.status(200, AlpacaServer.fixture("news-aapl.json")));
        List<NewsItem> heard = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription ignored = feed.subscribe(heard::add)) {
            server.publishStory(24_900_000, "Apple Opens A New Store", MORNING, "AAPL");
            await().atMost(PATIENCE).until(() -> heard.size() == 1);
        }

        List<NewsItem> recent = feed.recent(AAPL, 10);
        feed.recent(AAPL, 10);

        assertThat(recent).extracting(NewsItem::headline).containsExactly("Apple Opens A New Store",
                "Apple Unveils iPhone 16 Lineup At Its Glowtime Event", "Apple Supplier Raises Its Outlook");
        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().getFirst()).isEqualTo("/v1beta1/news?symbols=AAPL&limit=50&sort=desc");
    }

    @Test
    void a_story_the_history_brought_is_not_announced_when_the_stream_sends_it() {
        server.addToHistory(24_800_001, "Apple Story From Before", MORNING, "AAPL");
        assertThat(feed.recent(AAPL, 5)).extracting(NewsItem::headline).containsExactly("Apple Story From Before");
        List<NewsItem> heard = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription ignored = feed.subscribe(heard::add)) {
            server.republishStories();
            server.publishStory(24_800_002, "Apple Story From Now", MORNING.plusSeconds(60), "AAPL");
            await().atMost(PATIENCE).until(() -> !heard.isEmpty());
        }

        assertThat(heard).extracting(NewsItem::headline).containsExactly("Apple Story From Now");
        assertThat(feed.stats().duplicates()).isEqualTo(1);
    }

    @Test
    void a_failing_history_gives_what_is_known_and_is_asked_again_at_the_next_request() {
        server.script(Answer.status(500, ""), Answer.status(500, ""), Answer.status(500, ""));
        server.addToHistory(24_800_001, "Apple Story From Before", MORNING, "AAPL");

        assertThat(feed.recent(AAPL, 5)).isEmpty();
        assertThat(feed.stats().historyFailures()).isEqualTo(1);
        assertThat(feed.recent(AAPL, 5)).extracting(NewsItem::headline).containsExactly("Apple Story From Before");
    }

    @Test
    void an_unreadable_history_is_counted_and_asked_again() {
        server.script(Answer.status(200, "{\"news\":"));

        assertThat(feed.recent(AAPL, 5)).isEmpty();
        assertThat(feed.stats().malformed()).isEqualTo(1);
        assertThat(feed.stats().historyFailures()).isEqualTo(1);
    }

    @Test
    void a_dropped_news_stream_connects_again_and_subscribes_again() {
        List<NewsItem> heard = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription ignored = feed.subscribe(heard::add)) {
            server.publishStory(24_800_001, "Apple Story One", MORNING, "AAPL");
            await().atMost(PATIENCE).until(() -> heard.size() == 1);
            server.dropConnections();
            await().atMost(PATIENCE).until(() -> feed.stats().stream().authentications() == 2);
            server.publishStory(24_800_002, "Apple Story Two", MORNING.plusSeconds(60), "AAPL");
            await().atMost(PATIENCE).until(() -> heard.size() == 2);
        }

        assertThat(feed.stats().stream().drops()).isGreaterThanOrEqualTo(1);
        assertThat(feed.stats().stream().subscribed()).containsExactlyInAnyOrder("AAPL", "MSFT");
    }

    @Test
    void a_refused_authentication_of_the_news_stream_is_retried_never_fatal() {
        feed.close();
        server.refuseNextConnections(402, 1);
        try (AlpacaNewsFeed news = AlpacaNewsFeed.create(server.settings(), AlpacaServer.keys(), List.of(AAPL))) {
            List<NewsItem> heard = new CopyOnWriteArrayList<>();
            news.subscribe(heard::add);
            server.publishStory(24_800_001, "Apple Story One", MORNING, "AAPL");
            await().atMost(PATIENCE).until(() -> heard.size() == 1);

            assertThat(news.stats().stream().providerErrors()).isEqualTo(1);
            assertThat(news.stats().stream().authentications()).isEqualTo(1);
        }
    }
}
