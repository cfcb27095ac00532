package io.quorum.engine.simulation;

import io.quorum.engine.market.NewsFeedContract;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.NewsFeed;
import java.time.Duration;
import java.time.Instant;

class SimulatedNewsFeedContractTest extends NewsFeedContract {
    private static final Ticker AAPL = Ticker.of("AAPL");

    @Override protected NewsUnderTest open() {
        SimulatedNewsFeed feed = new SimulatedNewsFeed();
        return new NewsUnderTest() {
            private int published;

            @Override public NewsFeed feed() { return feed; }
            @Override public Ticker ticker() { return AAPL; }
            @Override public String publishStory() {
                published++;
                String headline = "Apple story number " + published;
                feed.publish(new NewsItem(AAPL, headline, "Simulated Wire", Instant.parse("2024-03-04T15:00:00Z").plus(Duration.ofMinutes(published))), SimulatedNewsFeed.Tone.NEUTRAL);
                return headline;
            }
            /** The simulation tells each story once: it has nothing to publish again. */
            @Override public void publishTheSameStoriesAgain() { }
            @Override public void close() { feed.close(); }
        };
    }
}
