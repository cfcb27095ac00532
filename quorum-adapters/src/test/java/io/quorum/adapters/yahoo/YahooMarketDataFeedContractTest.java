package io.quorum.adapters.yahoo;

import static io.quorum.adapters.testing.AcmeBars.ACME;
import static io.quorum.adapters.testing.AcmeBars.MONDAY_OPEN;

import io.quorum.adapters.testing.AcmeBars;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.MarketDataFeedContract;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The Yahoo feed against a local server speaking the chart format, whose market moves a minute when told. */
class YahooMarketDataFeedContractTest extends MarketDataFeedContract {

    @Override protected FeedUnderTest open() {
        YahooChartServer server = new YahooChartServer();
        Market market = new Market(MONDAY_OPEN.plus(Duration.ofSeconds(5 * 60 + 30)));
        server.serve(ACME.symbol(), market::chart);
        YahooMarketDataFeed feed = YahooMarketDataFeed.create(YahooSettings.defaults()
                .withBaseUrl(server.baseUrl())
                .withPollInterval(Duration.ofMillis(20))
                .withBackoff(Duration.ofMillis(5), Duration.ofMillis(50)), List.of(ACME));
        return new FeedUnderTest() {
            @Override public MarketDataFeed feed() { return feed; }
            @Override public Ticker ticker() { return ACME; }
            @Override public Ticker unknownTicker() { return Ticker.of("ZZZZ"); }
            @Override public void publishMore() { market.advance(Duration.ofMinutes(1)); }
            @Override public void close() {
                feed.close();
                server.close();
            }
        };
    }

    /** ACME's five days of history, then Monday's minutes up to the market's time, the current minute still in progress. */
    private static final class Market {
        private final List<Bar> daily = AcmeBars.daily();
        private final List<Bar> minutes = AcmeBars.minutes();
        private volatile Instant now;

        Market(Instant start) { this.now = start; }

        void advance(Duration by) { now = now.plus(by); }

        String chart(String interval, String range) {
            Instant at = now;
            List<Bar> today = new ArrayList<>();
            for (Bar minute : minutes) if (minute.start().isBefore(at)) today.add(minute);
            Bar last = today.getLast();
            long volume = today.stream().mapToLong(Bar::volume).sum();
            if (interval.equals("1m")) return YahooChartServer.render(ACME.symbol(), today, last.closeMicros(), at, volume);
            List<Bar> days = new ArrayList<>(daily);
            long high = today.stream().mapToLong(Bar::highMicros).max().orElseThrow();
            long low = today.stream().mapToLong(Bar::lowMicros).min().orElseThrow();
            days.add(new Bar(ACME, MONDAY_OPEN, MarketDataFeed.DAILY, today.getFirst().openMicros(), high, low, last.closeMicros(), volume));
            return YahooChartServer.render(ACME.symbol(), days, last.closeMicros(), at, volume);
        }
    }
}
