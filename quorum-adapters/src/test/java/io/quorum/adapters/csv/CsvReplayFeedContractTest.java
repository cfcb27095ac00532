package io.quorum.adapters.csv;

import static io.quorum.adapters.testing.AcmeBars.ACME;
import static io.quorum.adapters.testing.AcmeBars.MONDAY_OPEN;

import io.quorum.adapters.testing.AcmeBars;
import io.quorum.engine.market.MarketDataFeedContract;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

class CsvReplayFeedContractTest extends MarketDataFeedContract {
    @Override protected FeedUnderTest open() {
        CsvReplayFeed replay = CsvReplayFeed.of(Map.of(ACME, AcmeBars.dailyThenMinutes()), MONDAY_OPEN);
        return new FeedUnderTest() {
            private Instant now = MONDAY_OPEN;

            @Override public MarketDataFeed feed() { return replay; }
            @Override public Ticker ticker() { return ACME; }
            @Override public Ticker unknownTicker() { return Ticker.of("ZZZZ"); }
            @Override public void publishMore() {
                now = now.plus(Duration.ofMinutes(1));
                replay.advanceTo(now);
            }
            @Override public void close() { replay.close(); }
        };
    }
}
