package io.quorum.engine.market.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.simulation.ScriptedPrices;
import io.quorum.engine.simulation.SimulatedClock;
import io.quorum.engine.simulation.SimulatedMarket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketMonitorTest {
    private static final ExchangeCalendar NYSE = ExchangeCalendar.NYSE;
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
    private static final Instant OPEN = NYSE.sessionOpen(MONDAY);
    private static final Ticker ACME = Ticker.of("ACME");

    /** 260 quiet days with closes oscillating between 96 and 100 and highs a dollar above. */
    private static List<Bar> rangeHistory() {
        List<Bar> days = new ArrayList<>();
        LocalDate day = MONDAY;
        for (int i = 0; i < 260; i++) day = NYSE.previousTradingDay(day);
        for (int i = 0; i < 260; i++, day = NYSE.nextTradingDay(day)) {
            long close = 98_000_000L + Math.round(2_000_000 * Math.sin(i / 3.0));
            days.add(new Bar(ACME, NYSE.sessionOpen(day), MarketDataFeed.DAILY, close, close + 1_000_000, close - 1_000_000, close, 20_000_000));
        }
        return days;
    }

    private static SimulatedMarket breakoutMarket(ScriptedPrices script) {
        List<Bar> history = rangeHistory();
        return SimulatedMarket.builder(SimulatedClock.manual(OPEN)).seed(3)
                .ticker("ACME", script)
                .dailyHistory(ACME, history)
                .build();
    }

    private static <E extends MarketEvent> List<E> only(List<MarketEvent> events, Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void a_breakout_above_the_20_day_high_on_heavy_volume_fires_once_with_a_sentence() {
        double lastClose = rangeHistory().getLast().closeMicros() / 1e6;
        SimulatedMarket market = breakoutMarket(ScriptedPrices.startingAt(String.format(java.util.Locale.ROOT, "%.2f", lastClose))
                .hold(Duration.ofMinutes(30))
                .moveTo("104.00", Duration.ofMinutes(10)).onVolume(8)
                .moveTo("100.50", Duration.ofMinutes(20))
                .moveTo("104.50", Duration.ofMinutes(20)));
        MarketMonitor monitor = new MarketMonitor(market, market.newsFeed());
        List<MarketEvent> events = new ArrayList<>();
        monitor.addListener(events::add);
        monitor.watch(ACME);

        market.advanceTo(OPEN.plus(Duration.ofMinutes(90)));

        List<IndicatorSignal> breakouts = only(events, IndicatorSignal.class).stream().filter(s -> s.kind() == SignalKind.BREAKOUT_HIGH).toList();
        assertThat(breakouts).hasSize(1);
        IndicatorSignal breakout = breakouts.getFirst();
        List<Bar> history = rangeHistory();
        long twentyDayHigh = history.subList(history.size() - 20, history.size()).stream().mapToLong(Bar::highMicros).max().orElseThrow();
        assertThat(breakout.value()).isEqualByComparingTo(java.math.BigDecimal.valueOf(twentyDayHigh, 6));
        assertThat(breakout.priceMicros()).isGreaterThan(twentyDayHigh);
        assertThat(breakout.at()).isBetween(OPEN.plus(Duration.ofMinutes(30)), OPEN.plus(Duration.ofMinutes(40)));
        assertThat(breakout.text()).startsWith("ACME broke above its 20-day high ($" + java.math.BigDecimal.valueOf(twentyDayHigh, 6).setScale(2, java.math.RoundingMode.HALF_EVEN) + ") on ").endsWith("× average volume");
        assertThat(only(events, MarketEvent.VolumeSpike.class)).isNotEmpty()
                .allSatisfy(spike -> assertThat(spike.multiple()).isGreaterThan(3));
    }

    @Test
    void a_quiet_day_inside_the_range_fires_no_breakout_and_no_volume_spike() {
        double lastClose = rangeHistory().getLast().closeMicros() / 1e6;
        SimulatedMarket market = breakoutMarket(ScriptedPrices.startingAt(String.format(java.util.Locale.ROOT, "%.2f", lastClose)).hold(Duration.ofHours(3)));
        MarketMonitor monitor = new MarketMonitor(market, market.newsFeed(), MonitorSettings.defaults().withVolumeSpike(20, 4), NYSE);
        List<MarketEvent> events = new ArrayList<>();
        monitor.addListener(events::add);
        monitor.watch(ACME);

        market.advanceTo(OPEN.plus(Duration.ofHours(2)));

        assertThat(only(events, IndicatorSignal.class)).extracting(IndicatorSignal::kind)
                .doesNotContain(SignalKind.BREAKOUT_HIGH, SignalKind.BREAKDOWN_LOW);
        assertThat(only(events, MarketEvent.VolumeSpike.class)).isEmpty();
    }

    @Test
    void a_gap_down_arrives_as_news_before_the_price_that_follows_it() {
        SimulatedMarket market = SimulatedMarket.builder(SimulatedClock.manual(OPEN)).seed(5).build();
        Ticker aapl = Ticker.of("AAPL");
        MarketMonitor monitor = new MarketMonitor(market, market.newsFeed());
        List<Object> seen = new ArrayList<>();
        monitor.addListener(event -> { if (event.ticker().equals(aapl)) seen.add(event); });
        monitor.watch(aapl);
        // The desk follows the prices on the feed beside the monitor, as this does.
        market.subscribe(aapl, seen::add, bar -> { });
        market.advanceTo(OPEN.plusSeconds(30));
        seen.clear();

        market.forceGap(aapl, -0.07);
        market.advanceTo(OPEN.plusSeconds(31));

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isInstanceOf(MarketEvent.NewsArrived.class);
        assertThat(seen.get(1)).isInstanceOf(Tick.class);
        assertThat(((MarketEvent) seen.get(0)).at()).isEqualTo(((Tick) seen.get(1)).time());
    }

    @Test
    void a_closed_subscription_and_a_closed_monitor_deliver_nothing_more() {
        SimulatedMarket market = SimulatedMarket.builder(SimulatedClock.manual(OPEN)).seed(5).build();
        Ticker spy = Ticker.of("SPY");
        MarketMonitor monitor = new MarketMonitor(market, market.newsFeed());
        List<MarketEvent> events = new ArrayList<>();
        MarketDataFeed.Subscription subscription = monitor.addListener(events::add);
        monitor.watch(spy);
        market.forceGap(spy, -0.05);
        market.advanceTo(OPEN.plusSeconds(5));
        assertThat(events).singleElement().isInstanceOf(MarketEvent.NewsArrived.class);

        subscription.close();
        market.forceGap(spy, 0.05);
        market.advanceTo(OPEN.plusSeconds(10));
        assertThat(events).hasSize(1);

        monitor.addListener(events::add);
        monitor.close();
        market.forceGap(spy, -0.05);
        market.advanceTo(OPEN.plusSeconds(20));
        assertThat(events).hasSize(1);
    }
}
