package io.quorum.engine.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.port.NewsFeed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NewsFeed} promises, wherever the headlines come from. An implementation's
 * test extends this class and says how to open its feed and publish a story to it. Deliveries may
 * come on the feed's own thread, so the suite waits for them.
 */
public abstract class NewsFeedContract {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** A feed whose source publishes only when told: numbered stories about AAPL, a minute apart. */
    protected abstract static class NewsUnderTest implements AutoCloseable {
        /** The ticker the published stories are about. */
        public static final Ticker AAPL = Ticker.of("AAPL");
        private int published;

        protected abstract NewsFeed feed();

        Ticker ticker() { return AAPL; }

        /** Has the source publish one new story about {@link #AAPL}; returns its headline. */
        final String publishStory() {
            published++;
            String headline = "Apple story number " + published;
            publish(published, headline);
            return headline;
        }

        /** Has the source publish story {@code number} (from 1) about {@link #AAPL}, {@code number} minutes after the source's first. */
        protected abstract void publish(int number, String headline);

        /** Has the source publish again the stories it already published, as a feed re-served unchanged does. */
        protected abstract void publishTheSameStoriesAgain();

        @Override public abstract void close();
    }

    protected abstract NewsUnderTest open();

    private NewsUnderTest news;

    @BeforeEach
    void openFeed() { news = open(); }

    @AfterEach
    void closeFeed() { news.close(); }

    @Test
    void a_new_story_reaches_every_listener_with_its_ticker_and_source() {
        List<NewsItem> first = new CopyOnWriteArrayList<>();
        List<NewsItem> second = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription a = news.feed().subscribe(first::add);
             MarketDataFeed.Subscription b = news.feed().subscribe(second::add)) {
            String headline = news.publishStory();
            await().atMost(PATIENCE).until(() -> headlines(first).contains(headline) && headlines(second).contains(headline));

            NewsItem item = first.stream().filter(each -> each.headline().equals(headline)).findFirst().orElseThrow();
            assertThat(item.ticker()).isEqualTo(news.ticker());
            assertThat(item.source()).isNotBlank();
        }
    }

    @Test
    void recent_stories_are_newest_first_and_as_many_as_asked() {
        List<NewsItem> heard = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription ignored = news.feed().subscribe(heard::add)) {
            String older = news.publishStory();
            await().atMost(PATIENCE).until(() -> headlines(heard).contains(older));
            String newer = news.publishStory();
            await().atMost(PATIENCE).until(() -> headlines(heard).contains(newer));
        }

        List<NewsItem> recent = news.feed().recent(news.ticker(), 2);

        assertThat(headlines(recent)).containsExactly(headlines(heard).getLast(), headlines(heard).get(heard.size() - 2));
        assertThat(recent.get(0).publishedAt()).isAfterOrEqualTo(recent.get(1).publishedAt());
    }

    @Test
    void a_story_published_again_is_not_delivered_twice() {
        List<NewsItem> heard = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription ignored = news.feed().subscribe(heard::add)) {
            String first = news.publishStory();
            await().atMost(PATIENCE).until(() -> headlines(heard).contains(first));
            news.publishTheSameStoriesAgain();
            String second = news.publishStory();
            await().atMost(PATIENCE).until(() -> headlines(heard).contains(second));
        }

        assertThat(headlines(heard)).doesNotHaveDuplicates();
    }

    @Test
    void a_closed_subscription_hears_nothing_more() {
        List<NewsItem> closedOnes = new CopyOnWriteArrayList<>();
        List<NewsItem> witness = new CopyOnWriteArrayList<>();
        MarketDataFeed.Subscription closing = news.feed().subscribe(closedOnes::add);
        try (MarketDataFeed.Subscription ignored = news.feed().subscribe(witness::add)) {
            String first = news.publishStory();
            await().atMost(PATIENCE).until(() -> headlines(closedOnes).contains(first) && headlines(witness).contains(first));
            closing.close();
            String second = news.publishStory();
            await().atMost(PATIENCE).until(() -> headlines(witness).contains(second));
        }

        assertThat(headlines(closedOnes)).doesNotContain(headlines(witness).getLast());
    }

    @Test
    void a_listener_that_throws_does_not_stop_the_feed_or_the_other_listeners() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, fault) -> { });
        List<NewsItem> heard = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription faulty = news.feed().subscribe(item -> { throw new IllegalStateException("a listener's own fault"); });
             MarketDataFeed.Subscription healthy = news.feed().subscribe(heard::add)) {
            String first = news.publishStory();
            await().atMost(PATIENCE).until(() -> headlines(heard).contains(first));
            String second = news.publishStory();
            await().atMost(PATIENCE).until(() -> headlines(heard).contains(second));
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }

        assertThat(headlines(heard)).contains(headlines(heard).getFirst(), headlines(heard).getLast()).hasSizeGreaterThanOrEqualTo(2);
    }

    private static List<String> headlines(List<NewsItem> items) {
        return items.stream().map(NewsItem::headline).toList();
    }
}
