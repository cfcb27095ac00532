package io.quorum.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SimulatedMarketPropertiesTest {
    private static final ExchangeCalendar NYSE = ExchangeCalendar.NYSE;
    private static final Instant SOME_SUNDAY = Instant.parse("2024-06-02T12:00:00Z");

    @Property(tries = 15)
    void whatever_the_seed_and_start_ticks_stay_in_hours_and_bars_stay_consistent(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 7 * 24 * 60) int startMinute) {
        Instant start = SOME_SUNDAY.plus(Duration.ofMinutes(startMinute));
        SimulatedMarket market = SimulatedMarket.builder(SimulatedClock.manual(start)).seed(seed)
                .tickInterval(Duration.ofSeconds(30)).historyDays(250).build();
        Ticker tsla = Ticker.of("TSLA");
        List<Tick> ticks = new ArrayList<>();
        market.subscribe(tsla, ticks::add, bar -> {});

        market.advanceTo(start.plus(Duration.ofDays(3)));

        assertThat(ticks).allSatisfy(tick -> {
            assertThat(NYSE.isOpen(tick.time())).isTrue();
            assertThat(tick.time()).isAfterOrEqualTo(start);
        });
        List<Bar> daily = market.history(tsla, MarketDataFeed.DAILY, 10_000);
        assertThat(daily).hasSizeGreaterThanOrEqualTo(250);
        for (int i = 1; i < daily.size(); i++) assertThat(daily.get(i).start()).isAfter(daily.get(i - 1).start());
    }
}
