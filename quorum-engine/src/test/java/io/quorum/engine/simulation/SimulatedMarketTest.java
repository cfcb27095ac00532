package io.quorum.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.simulation.SimulatedNewsFeed.Tone;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SimulatedMarketTest {
    private static final ExchangeCalendar NYSE = ExchangeCalendar.NYSE;
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
    private static final Instant OPEN = NYSE.sessionOpen(MONDAY);
    private static final Ticker AAPL = Ticker.of("AAPL");

    private static SimulatedMarket market(long seed) {
        return SimulatedMarket.builder(SimulatedClock.manual(OPEN)).seed(seed).build();
    }

    private static List<Tick> ticksOf(SimulatedMarket market, Ticker ticker) {
        List<Tick> ticks = new ArrayList<>();
        market.subscribe(ticker, ticks::add, bar -> {});
        return ticks;
    }

    @Test
    void the_same_seed_gives_the_same_ticks_however_time_is_advanced() {
        SimulatedMarket inOneGo = market(7);
        SimulatedMarket minuteByMinute = market(7);
        List<Tick> first = ticksOf(inOneGo, AAPL);
        List<Tick> second = ticksOf(minuteByMinute, AAPL);

        inOneGo.advanceTo(OPEN.plus(Duration.ofHours(2)));
        for (Instant t = OPEN; !t.isAfter(OPEN.plus(Duration.ofHours(2))); t = t.plusSeconds(60)) minuteByMinute.advanceTo(t);

        assertThat(first).hasSize(2 * 3600 + 1).isEqualTo(second);
        assertThat(inOneGo.newsFeed().recent(AAPL, 100)).isEqualTo(minuteByMinute.newsFeed().recent(AAPL, 100));
    }

    @Test
    void another_seed_gives_other_prices() {
        SimulatedMarket one = market(1);
        SimulatedMarket other = market(2);
        List<Tick> first = ticksOf(one, AAPL);
        List<Tick> second = ticksOf(other, AAPL);
        one.advanceTo(OPEN.plusSeconds(600));
        other.advanceTo(OPEN.plusSeconds(600));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void no_tick_is_printed_outside_exchange_hours_over_a_week_with_a_weekend() {
        SimulatedMarket market = SimulatedMarket.builder(SimulatedClock.manual(OPEN)).seed(3).tickInterval(Duration.ofSeconds(10)).build();
        List<Tick> ticks = ticksOf(market, AAPL);
        market.advanceTo(OPEN.plus(Duration.ofDays(7)));

        assertThat(ticks).isNotEmpty().allSatisfy(tick -> assertThat(NYSE.isOpen(tick.time())).isTrue());
        assertThat(ticks.stream().map(tick -> NYSE.tradingDate(tick.time())).distinct().toList())
                .containsExactly(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2), MONDAY.plusDays(3), MONDAY.plusDays(4), MONDAY.plusDays(7));
    }

    @Test
    void history_holds_at_least_250_consistent_daily_bars_ending_the_session_before_the_start() {
        SimulatedMarket market = market(5);
        for (Ticker ticker : market.tickers()) {
            List<Bar> daily = market.history(ticker, MarketDataFeed.DAILY, 1_000);
            assertThat(daily).hasSizeGreaterThanOrEqualTo(250);
            assertThat(NYSE.tradingDate(daily.getLast().start())).isEqualTo(LocalDate.of(2024, 3, 1));
            for (int i = 1; i < daily.size(); i++) {
                assertThat(daily.get(i).start()).isAfter(daily.get(i - 1).start());
                assertThat(NYSE.isTradingDay(NYSE.tradingDate(daily.get(i).start()))).isTrue();
            }
        }
        assertThat(market.history(AAPL, MarketDataFeed.DAILY, 1).getFirst().closeMicros()).isEqualTo(189_500_000L);
    }

    @Test
    void the_default_market_trades_the_five_tickers_at_plausible_prices() {
        SimulatedMarket market = market(11);
        market.advanceTo(OPEN.plusSeconds(60));
        assertThat(market.tickers()).extracting(Ticker::symbol).containsExactly("AAPL", "MSFT", "NVDA", "TSLA", "SPY");
        for (Ticker ticker : market.tickers()) {
            Tick last = market.lastTick(ticker).orElseThrow();
            long dailyClose = market.history(ticker, MarketDataFeed.DAILY, 1).getFirst().closeMicros();
            assertThat((double) last.lastMicros() / dailyClose).isBetween(0.85, 1.15);
            assertThat(last.bidMicros()).isLessThan(last.askMicros());
        }
    }

    @Test
    void one_minute_bars_aggregate_the_ticks_of_their_minute() {
        SimulatedMarket market = market(9);
        List<Tick> ticks = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        market.subscribe(AAPL, ticks::add, bars::add);
        market.advanceTo(OPEN.plus(Duration.ofMinutes(30)));

        assertThat(bars).hasSize(30);
        for (Bar bar : bars) {
            List<Tick> inMinute = ticks.stream().filter(t -> !t.time().isBefore(bar.start()) && t.time().isBefore(bar.end())).toList();
            assertThat(inMinute).hasSize(60);
            assertThat(bar.openMicros()).isEqualTo(inMinute.getFirst().lastMicros());
            assertThat(bar.closeMicros()).isEqualTo(inMinute.getLast().lastMicros());
            assertThat(bar.highMicros()).isEqualTo(inMinute.stream().mapToLong(Tick::lastMicros).max().orElseThrow());
            assertThat(bar.lowMicros()).isEqualTo(inMinute.stream().mapToLong(Tick::lastMicros).min().orElseThrow());
            assertThat(bar.volume()).isEqualTo(inMinute.stream().mapToLong(Tick::size).sum());
        }
        assertThat(market.history(AAPL, MarketDataFeed.ONE_MINUTE, 5)).isEqualTo(bars.subList(25, 30));
    }

    @Test
    void a_closed_session_becomes_a_daily_bar_of_its_ticks() {
        SimulatedMarket market = SimulatedMarket.builder(SimulatedClock.manual(OPEN)).seed(4).tickInterval(Duration.ofSeconds(5)).build();
        List<Tick> ticks = ticksOf(market, AAPL);
        market.advanceTo(NYSE.sessionClose(MONDAY));

        Bar monday = market.history(AAPL, MarketDataFeed.DAILY, 1).getFirst();
        assertThat(monday.start()).isEqualTo(OPEN);
        assertThat(monday.openMicros()).isEqualTo(ticks.getFirst().lastMicros());
        assertThat(monday.closeMicros()).isEqualTo(ticks.getLast().lastMicros());
        assertThat(monday.volume()).isEqualTo(ticks.stream().mapToLong(Tick::size).sum());
        assertThat(ticks).hasSize(6 * 720 + 360);
    }

    @Test
    void a_forced_gap_moves_the_next_tick_and_is_announced_by_a_headline_of_the_same_sign() {
        SimulatedMarket market = market(12);
        List<Tick> ticks = ticksOf(market, AAPL);
        List<NewsItem> news = new ArrayList<>();
        market.newsFeed().subscribe(news::add);
        market.advanceTo(OPEN.plusSeconds(100));
        long before = ticks.getLast().lastMicros();

        market.forceGap(AAPL, -0.06);
        market.advanceTo(OPEN.plusSeconds(101));

        assertThat((double) ticks.getLast().lastMicros() / before).isBetween(0.93, 0.95);
        NewsItem headline = news.getLast();
        assertThat(headline.ticker()).isEqualTo(AAPL);
        assertThat(headline.publishedAt()).isEqualTo(ticks.getLast().time());
        assertThat(market.newsFeed().toneOf(headline)).contains(Tone.NEGATIVE);
    }

    @Test
    void every_random_jump_comes_with_a_headline_of_its_sign_just_before_it() {
        SimulatedMarket market = SimulatedMarket.builder(SimulatedClock.manual(OPEN)).seed(21).build();
        List<Object> events = new ArrayList<>();
        market.newsFeed().subscribe(events::add);
        market.subscribe(AAPL, events::add, bar -> {});
        market.advanceTo(OPEN.plus(Duration.ofDays(14)));

        int jumps = 0;
        Tick previous = null;
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof Tick tick)) continue;
            if (previous != null && Math.abs(Math.log((double) tick.lastMicros() / previous.lastMicros())) > 0.018) {
                jumps++;
                NewsItem headline = (NewsItem) events.get(i - 1);
                assertThat(headline.publishedAt()).isEqualTo(tick.time());
                Tone expected = tick.lastMicros() > previous.lastMicros() ? Tone.POSITIVE : Tone.NEGATIVE;
                assertThat(market.newsFeed().toneOf(headline)).contains(expected);
            }
            previous = tick;
        }
        assertThat(jumps).isPositive();
        assertThat(market.newsFeed().stories(AAPL, 200)).extracting(SimulatedNewsFeed.Story::tone).contains(Tone.NEUTRAL);
    }

    @Test
    void a_scripted_gap_prints_the_gap_price_with_no_tick_in_between() {
        SimulatedMarket market = SimulatedMarket.builder(SimulatedClock.manual(OPEN))
                .ticker("ACME", ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(30)).gapTo("94.00").hold(Duration.ofMinutes(10)))
                .build();
        Ticker acme = Ticker.of("ACME");
        List<Tick> ticks = ticksOf(market, acme);
        market.advanceTo(OPEN.plus(Duration.ofMinutes(45)));

        assertThat(market.history(acme, MarketDataFeed.DAILY, 1).getFirst().closeMicros()).isEqualTo(100_000_000L);
        assertThat(ticks.stream().mapToLong(Tick::lastMicros).distinct().toArray()).containsExactly(100_000_000L, 94_000_000L);
        assertThat(ticks.get(30 * 60).lastMicros()).isEqualTo(94_000_000L);
        assertThat(ticks.get(30 * 60 - 1).lastMicros()).isEqualTo(100_000_000L);
    }

    @Test
    void a_scripted_steady_rise_on_volume_moves_linearly_and_trades_heavier() {
        SimulatedMarket market = SimulatedMarket.builder(SimulatedClock.manual(OPEN)).seed(8)
                .ticker("ACME", ScriptedPrices.startingAt("50.00").hold(Duration.ofMinutes(10)).moveTo("55.00", Duration.ofMinutes(10)).onVolume(6))
                .build();
        Ticker acme = Ticker.of("ACME");
        List<Bar> bars = new ArrayList<>();
        market.subscribe(acme, tick -> {}, bars::add);
        market.advanceTo(OPEN.plus(Duration.ofMinutes(25)));

        assertThat(bars.get(14).closeMicros()).isBetween(52_400_000L, 52_500_000L);
        assertThat(bars.get(24).closeMicros()).isEqualTo(55_000_000L);
        double quietVolume = bars.subList(5, 10).stream().mapToLong(Bar::volume).average().orElseThrow();
        double risingVolume = bars.subList(12, 18).stream().mapToLong(Bar::volume).average().orElseThrow();
        assertThat(risingVolume / quietVolume).isGreaterThan(3);
    }

    @Test
    void the_background_thread_follows_a_fast_clock() {
        ManualClock wall = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
        SimulatedClock clock = new SimulatedClock(OPEN, 60, wall);
        SimulatedMarket market = SimulatedMarket.builder(clock).seed(1).pollInterval(Duration.ofMillis(5)).build();
        List<Bar> bars = new CopyOnWriteArrayList<>();
        market.subscribe(AAPL, tick -> {}, bars::add);
        market.start();
        try {
            wall.advance(Duration.ofSeconds(10));   // ten market minutes
            await().atMost(Duration.ofSeconds(5)).until(() -> bars.size() == 10);
            assertThat(market.lastTick(AAPL).orElseThrow().time()).isEqualTo(OPEN.plus(Duration.ofMinutes(10)));
        } finally {
            market.close();
        }
    }

    @Test
    void the_background_thread_skips_the_night_straight_to_the_next_open() {
        ManualClock wall = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
        SimulatedClock clock = new SimulatedClock(NYSE.sessionClose(MONDAY).minusSeconds(60), 60, wall);
        SimulatedMarket market = SimulatedMarket.builder(clock).seed(1).pollInterval(Duration.ofMillis(5)).build();
        market.start();
        try {
            wall.advance(Duration.ofSeconds(2));
            Instant tuesdayOpen = NYSE.sessionOpen(MONDAY.plusDays(1));
            await().atMost(Duration.ofSeconds(5)).until(() -> !clock.now().isBefore(tuesdayOpen)
                    && market.lastTick(AAPL).map(t -> !t.time().isBefore(tuesdayOpen)).orElse(false));
            assertThat(market.history(AAPL, MarketDataFeed.DAILY, 1).getFirst().start()).isEqualTo(OPEN);
        } finally {
            market.close();
        }
    }
}
