package io.quorum.engine.simulation;

import io.quorum.engine.market.NewsFeedContract;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.port.NewsFeed;
import java.time.Duration;
import java.time.Instant;

class SimulatedNewsFeedContractTest extends NewsFeedContract {
    private static final Instant FIRST = Instant.parse("2024-03-04T15:00:00Z");

    @Override protected NewsUnderTest open() {
        SimulatedNewsFeed feed = new SimulatedNewsFeed();
        return new NewsUnderTest() {
            @Override protected NewsFeed feed() { return feed; }
            @Override protected void publish(int number, String headline) {
                feed.publish(new NewsItem(AAPL, headline, "Simulated Wire", FIRST.plus(Duration.ofMinutes(number))), SimulatedNewsFeed.Tone.NEUTRAL);
            }
            /** The simulation tells each story once: it has nothing to publish again. */
            @Override protected void publishTheSameStoriesAgain() { }
            @Override public void close() { feed.close(); }
        };
    }
}
