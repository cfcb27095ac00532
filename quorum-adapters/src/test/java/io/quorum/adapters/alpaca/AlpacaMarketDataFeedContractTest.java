package io.quorum.adapters.alpaca;

import static io.quorum.adapters.testing.AcmeBars.ACME;
import static io.quorum.adapters.testing.AcmeBars.MONDAY_OPEN;

import io.quorum.adapters.testing.AcmeBars;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.MarketDataFeedContract;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The Alpaca feed against a local server speaking its REST and stream formats, whose market moves a minute when told. */
class AlpacaMarketDataFeedContractTest extends MarketDataFeedContract {

    @Override protected FeedUnderTest open() {
        AlpacaServer server = new AlpacaServer();
        ManualClock clock = new ManualClock(MONDAY_OPEN.plus(Duration.ofSeconds(5 * 60 + 30)));
        List<Bar> minutes = AcmeBars.minutes();
        server.serve(ACME.symbol(), AcmeBars::daily, () -> completedBy(minutes, clock));
        AlpacaMarketDataFeed feed = AlpacaMarketDataFeed.create(server.settings(), AlpacaServer.keys(), List.of(ACME), clock);
        return new FeedUnderTest() {
            @Override public MarketDataFeed feed() { return feed; }
            @Override public Ticker ticker() { return ACME; }
            @Override public Ticker unknownTicker() { return Ticker.of("ZZZZ"); }
            /** The minute in progress completes: its last trade, the quote after it, then its bar, in one frame. */
            @Override public void publishMore() {
                Bar minute = minutes.get((int) Duration.between(MONDAY_OPEN, clock.now()).toMinutes());
                clock.advance(Duration.ofMinutes(1));
                server.sendMarket(ACME.symbol(), StreamFrames.of(
                        StreamFrames.trade(ACME.symbol(), minute.start().plusSeconds(59), minute.closeMicros(), 100),
                        StreamFrames.quote(ACME.symbol(), minute.start().plusMillis(59_500), minute.closeMicros() - 10_000, minute.closeMicros() + 10_000),
                        StreamFrames.bar(minute)));
            }
            @Override public void close() {
                feed.close();
                server.close();
            }
        };
    }

    private static List<Bar> completedBy(List<Bar> minutes, ManualClock clock) {
        List<Bar> completed = new ArrayList<>();
        for (Bar minute : minutes) if (!minute.end().isAfter(clock.now())) completed.add(minute);
        return completed;
    }
}
