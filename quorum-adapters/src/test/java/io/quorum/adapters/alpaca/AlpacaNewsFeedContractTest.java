package io.quorum.adapters.alpaca;

import io.quorum.engine.market.NewsFeedContract;
import io.quorum.engine.port.NewsFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The Alpaca news feed against a local server speaking its news stream and REST history formats. */
class AlpacaNewsFeedContractTest extends NewsFeedContract {
    private static final Instant FIRST = Instant.parse("2024-09-20T14:00:00Z");

    @Override protected NewsUnderTest open() {
        AlpacaServer server = new AlpacaServer();
        AlpacaNewsFeed feed = AlpacaNewsFeed.create(server.settings(), AlpacaServer.keys(), List.of(NewsUnderTest.AAPL));
        return new NewsUnderTest() {
            @Override protected NewsFeed feed() { return feed; }
            @Override protected void publish(int number, String headline) {
                server.publishStory(24_800_000L + number, headline, FIRST.plus(Duration.ofMinutes(number)), "AAPL");
            }
            @Override protected void publishTheSameStoriesAgain() { server.republishStories(); }
            @Override public void close() {
                feed.close();
                server.close();
            }
        };
    }
}
