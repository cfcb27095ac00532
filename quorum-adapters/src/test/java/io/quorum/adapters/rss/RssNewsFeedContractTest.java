package io.quorum.adapters.rss;

import static org.awaitility.Awaitility.await;

import io.quorum.adapters.testing.LocalHttpServer;
import io.quorum.adapters.testing.LocalHttpServer.Answer;
import io.quorum.engine.market.NewsFeedContract;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.NewsFeed;
import io.quorum.engine.time.SystemClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The RSS and Atom feed against a local server with one feed of each kind for the ticker. */
class RssNewsFeedContractTest extends NewsFeedContract {
    private static final Ticker AAPL = Ticker.of("AAPL");

    @Override protected NewsUnderTest open() {
        LocalHttpServer server = new LocalHttpServer();
        Stories rss = new Stories("Yahoo! Finance: AAPL News");
        Stories atom = new Stories("Market Wire: Apple Inc.");
        server.route("/rss/aapl", uri -> Answer.ok(rss.rss(), "application/rss+xml"));
        server.route("/atom/aapl", uri -> Answer.ok(atom.atom(), "application/atom+xml"));
        RssNewsFeed feed = RssNewsFeed.create(Map.of(AAPL, List.of(server.url("/rss/aapl"), server.url("/atom/aapl"))),
                RssSettings.defaults().withPollInterval(Duration.ofMillis(20)).withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)),
                SystemClock.INSTANCE);
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.stats().reads() >= 2);
        return new NewsUnderTest() {
            private int published;

            @Override public NewsFeed feed() { return feed; }
            @Override public Ticker ticker() { return AAPL; }
            @Override public String publishStory() {
                published++;
                String title = "Apple story number " + published;
                rss.add(new Stories.Story("guid-" + published, "https://news.example.com/aapl/" + published, title,
                        Instant.parse("2024-09-20T14:00:00Z").plus(Duration.ofMinutes(published))));
                return title;
            }
            /** The Atom feed syndicates every story already told: other ids, the same links. */
            @Override public void publishTheSameStoriesAgain() {
                for (Stories.Story story : rss.all()) atom.add(new Stories.Story("urn:wire:" + story.id(), story.link(), story.title(), story.published()));
                long reads = feed.stats().reads();
                await().atMost(Duration.ofSeconds(10)).until(() -> feed.stats().reads() >= reads + 2);
            }
            @Override public void close() {
                feed.close();
                server.close();
            }
        };
    }
}
