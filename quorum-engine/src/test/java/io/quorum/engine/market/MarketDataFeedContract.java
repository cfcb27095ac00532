package io.quorum.engine.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.port.MarketDataFeed;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MarketDataFeed} promises, whatever the prices come from. An implementation's
 * test extends this class and says how to open its feed on a market that moves only when told.
 * Deliveries may come on the feed's own thread, so the suite waits for them.
 */
public abstract class MarketDataFeedContract {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** A feed on a market that can be moved on. */
    protected interface FeedUnderTest extends AutoCloseable {
        MarketDataFeed feed();

        /** A ticker the feed serves, with at least five daily bars of history. */
        Ticker ticker();

        /** A ticker the feed does not know. */
        Ticker unknownTicker();

        /** Moves the market on so that the feed publishes at least one more tick and one more completed 1-minute bar of {@link #ticker()}. */
        void publishMore();

        @Override void close();
    }

    protected abstract FeedUnderTest open();

    private FeedUnderTest market;

    @BeforeEach
    void openFeed() { market = open(); }

    @AfterEach
    void closeFeed() { market.close(); }

    @Test
    void daily_history_is_oldest_first_without_repeats() {
        List<Bar> bars = market.feed().history(market.ticker(), MarketDataFeed.DAILY, 5);

        assertThat(bars).hasSize(5).allSatisfy(bar -> {
            assertThat(bar.ticker()).isEqualTo(market.ticker());
            assertThat(bar.interval()).isEqualTo(MarketDataFeed.DAILY);
        });
        for (int i = 1; i < bars.size(); i++) assertThat(bars.get(i).start()).isAfter(bars.get(i - 1).start());
    }

    @Test
    void a_shorter_history_is_the_latest_part_of_a_longer_one() {
        List<Bar> five = market.feed().history(market.ticker(), MarketDataFeed.DAILY, 5);
        List<Bar> three = market.feed().history(market.ticker(), MarketDataFeed.DAILY, 3);

        assertThat(three).containsExactlyElementsOf(five.subList(2, 5));
    }

    @Test
    void daily_bars_start_at_the_session_open_in_the_exchange_time_zone() {
        for (Bar bar : market.feed().history(market.ticker(), MarketDataFeed.DAILY, 5)) {
            assertThat(bar.start()).isEqualTo(ExchangeCalendar.NYSE.sessionOpen(ExchangeCalendar.NYSE.tradingDate(bar.start())));
        }
    }

    @Test
    void the_served_ticker_is_among_the_feed_tickers() {
        assertThat(market.feed().tickers()).contains(market.ticker()).doesNotContain(market.unknownTicker());
    }

    @Test
    void an_unknown_ticker_is_refused_with_a_reason_naming_it() {
        Ticker unknown = market.unknownTicker();

        assertThatThrownBy(() -> market.feed().history(unknown, MarketDataFeed.DAILY, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(unknown.symbol());
        assertThatThrownBy(() -> market.feed().subscribe(unknown, tick -> { }, bar -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(unknown.symbol());
    }

    @Test
    void ticks_and_bars_arrive_in_time_order_without_duplicates() {
        List<Tick> ticks = new CopyOnWriteArrayList<>();
        List<Bar> bars = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription ignored = market.feed().subscribe(market.ticker(), ticks::add, bars::add)) {
            for (int round = 1; round <= 3; round++) {
                int barsBefore = bars.size();
                market.publishMore();
                await().atMost(PATIENCE).until(() -> bars.size() > barsBefore);
            }
        }

        assertThat(ticks).isNotEmpty().allSatisfy(tick -> assertThat(tick.ticker()).isEqualTo(market.ticker()));
        for (int i = 1; i < ticks.size(); i++) assertThat(ticks.get(i).epochMillis()).isGreaterThanOrEqualTo(ticks.get(i - 1).epochMillis());
        assertThat(bars).hasSizeGreaterThanOrEqualTo(3).allSatisfy(bar -> {
            assertThat(bar.ticker()).isEqualTo(market.ticker());
            assertThat(bar.interval()).isEqualTo(MarketDataFeed.ONE_MINUTE);
        });
        for (int i = 1; i < bars.size(); i++) assertThat(bars.get(i).start()).isAfter(bars.get(i - 1).start());
        Set<Object> distinctTicks = new HashSet<>(ticks);
        assertThat(distinctTicks).hasSameSizeAs(ticks);
    }

    @Test
    void the_last_tick_is_the_latest_one_delivered() {
        List<Tick> ticks = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription ignored = market.feed().subscribe(market.ticker(), ticks::add, bar -> { })) {
            market.publishMore();
            await().atMost(PATIENCE).until(() -> !ticks.isEmpty()
                    && market.feed().lastTick(market.ticker()).equals(java.util.Optional.of(ticks.getLast())));
        }

        assertThat(market.feed().lastTick(market.ticker())).contains(ticks.getLast());
    }

    @Test
    void a_listener_that_throws_does_not_stop_the_feed_or_the_other_listeners() {
        Thread.UncaughtExceptionHandler quiet = (thread, fault) -> { };
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(quiet);
        List<Bar> bars = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription faulty = market.feed().subscribe(market.ticker(),
                tick -> { throw new IllegalStateException("a listener's own fault"); },
                bar -> { throw new IllegalStateException("a listener's own fault"); });
             MarketDataFeed.Subscription healthy = market.feed().subscribe(market.ticker(), tick -> { }, bars::add)) {
            market.publishMore();
            await().atMost(PATIENCE).until(() -> !bars.isEmpty());
            int afterFirst = bars.size();
            market.publishMore();
            await().atMost(PATIENCE).until(() -> bars.size() > afterFirst);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }

        assertThat(bars).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void a_closed_subscription_hears_nothing_more() {
        List<Bar> closedOnes = new CopyOnWriteArrayList<>();
        List<Bar> witness = new CopyOnWriteArrayList<>();
        MarketDataFeed.Subscription closing = market.feed().subscribe(market.ticker(), tick -> { }, closedOnes::add);
        try (MarketDataFeed.Subscription ignored = market.feed().subscribe(market.ticker(), tick -> { }, witness::add)) {
            market.publishMore();
            await().atMost(PATIENCE).until(() -> !closedOnes.isEmpty() && witness.size() == closedOnes.size());
            closing.close();
            int heard = closedOnes.size();
            int witnessed = witness.size();
            market.publishMore();
            await().atMost(PATIENCE).until(() -> witness.size() > witnessed);

            assertThat(closedOnes).hasSize(heard);
        }
    }
}
