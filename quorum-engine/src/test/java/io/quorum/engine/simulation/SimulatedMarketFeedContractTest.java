package io.quorum.engine.simulation;

import io.quorum.engine.market.MarketDataFeedContract;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.time.Duration;
import java.time.Instant;

class SimulatedMarketFeedContractTest extends MarketDataFeedContract {
    private static final Instant MONDAY_OPEN = Instant.parse("2024-03-04T14:30:00Z");

    @Override protected FeedUnderTest open() {
        SimulatedClock clock = SimulatedClock.manual(MONDAY_OPEN);
        SimulatedMarket market = SimulatedMarket.builder(clock).historyDays(30).build();
        return new FeedUnderTest() {
            @Override public MarketDataFeed feed() { return market; }
            @Override public Ticker ticker() { return Ticker.of("AAPL"); }
            @Override public Ticker unknownTicker() { return Ticker.of("ZZZZ"); }
            @Override public void publishMore() {
                clock.advance(Duration.ofMinutes(1));
                market.step();
            }
            @Override public void close() { market.close(); }
        };
    }
}
