package io.quorum.adapters.alpaca;

import io.quorum.engine.market.NewsFeedContract;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.NewsFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The Alpaca news feed against a local server speaking its news stream and REST history formats. */
class AlpacaNewsFeedContractTest extends NewsFeedContract {
    private static final Ticker AAPL = Ticker.of("AAPL");

    @Override protected NewsUnderTest open() {
        AlpacaServer server = new AlpacaServer();
        AlpacaNewsFeed feed = AlpacaNewsFeed.create(server.settings(), AlpacaServer.keys(), List.of(AAPL));
        return new NewsUnderTest() {
            private int published;

            @Override public NewsFeed feed() { return feed; }
            @Override public Ticker ticker() { return AAPL; }
            @Override public String publishStory() {
                published++;
                String headline = "Apple story number " + published;
                server.publishStory(24_800_000L + published, headline, Instant.parse("2024-09-20T14:00:00Z").plus(Duration.ofMinutes(published)), "AAPL");
                return headline;
            }
            @Override public void publishTheSameStoriesAgain() { server.republishStories(); }
            @Override public void close() {
                feed.close();
                server.close();
            }
        };
    }
}
