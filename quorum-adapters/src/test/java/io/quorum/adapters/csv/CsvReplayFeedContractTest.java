package io.quorum.adapters.csv;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.MarketDataFeedContract;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class CsvReplayFeedContractTest extends MarketDataFeedContract {
    static final Ticker ACME = Ticker.of("ACME");
    static final Instant MONDAY_OPEN = Instant.parse("2024-03-04T14:30:00Z");

    @Override protected FeedUnderTest open() {
        CsvReplayFeed replay = CsvReplayFeed.of(Map.of(ACME, dailyThenMinutes()), MONDAY_OPEN);
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

    /** Five days of a Yahoo download, then the first half hour of the next session, minute by minute. */
    static List<Bar> dailyThenMinutes() {
        List<Bar> bars = new ArrayList<>(imported("acme-daily.csv").bars());
        bars.addAll(imported("acme-minutes.csv").bars());
        return bars;
    }

    static BarImport.Imported imported(String resource) {
        try {
            Path file = Path.of(CsvReplayFeedContractTest.class.getResource("/csv/" + resource).toURI());
            return (BarImport.Imported) CsvBarReader.nyse().read(file, ACME, BadRows.REFUSE_FILE);
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
