package io.quorum.adapters.rss;

import static org.awaitility.Awaitility.await;

import io.quorum.adapters.testing.LocalHttpServer;
import io.quorum.adapters.testing.LocalHttpServer.Answer;
import io.quorum.engine.market.NewsFeedContract;
import io.quorum.engine.port.NewsFeed;
import io.quorum.engine.time.SystemClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The RSS and Atom feed against a local server with one feed of each kind for the ticker. */
class RssNewsFeedContractTest extends NewsFeedContract {
    private static final Instant FIRST = Instant.parse("2024-09-20T14:00:00Z");

    @Override protected NewsUnderTest open() {
        LocalHttpServer server = new LocalHttpServer();
        Stories rss = new Stories("Yahoo! Finance: AAPL News");
        Stories atom = new Stories("Market Wire: Apple Inc.");
        server.route("/rss/aapl", uri -> Answer.ok(rss.rss(), "application/rss+xml"));
        server.route("/atom/aapl", uri -> Answer.ok(atom.atom(), "application/atom+xml"));
        RssNewsFeed feed = RssNewsFeed.create(Map.of(NewsUnderTest.AAPL, List.of(server.url("/rss/aapl"), server.url("/atom/aapl"))),
                RssSettings.defaults().withPollInterval(Duration.ofMillis(20)).withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)),
                SystemClock.INSTANCE);
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.stats().reads() >= 2);
        return new NewsUnderTest() {
            @Override protected NewsFeed feed() { return feed; }
            @Override protected void publish(int number, String headline) {
                rss.add(new Stories.Story("guid-" + number, "https://news.example.com/aapl/" + number, headline, FIRST.plus(Duration.ofMinutes(number))));
            }
            /** The Atom feed syndicates every story already told: other ids, the same links. */
            @Override protected void publishTheSameStoriesAgain() {
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
