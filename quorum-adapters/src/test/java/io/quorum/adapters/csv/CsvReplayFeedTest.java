package io.quorum.adapters.csv;

import static io.quorum.adapters.testing.AcmeBars.ACME;
import static io.quorum.adapters.testing.AcmeBars.MONDAY_OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.adapters.testing.AcmeBars;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.simulation.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CsvReplayFeedTest {

    @Test
    void bars_ended_before_the_start_are_history_and_the_last_close_is_the_last_tick() {
        try (CsvReplayFeed replay = CsvReplayFeed.of(Map.of(ACME, AcmeBars.dailyThenMinutes()), MONDAY_OPEN)) {
            assertThat(replay.history(ACME, MarketDataFeed.DAILY, 10)).hasSize(5);
            assertThat(replay.history(ACME, MarketDataFeed.ONE_MINUTE, 10)).isEmpty();
            assertThat(replay.lastTick(ACME)).map(Tick::lastMicros).contains(103_600_000L);
            assertThat(replay.lastTick(ACME)).map(Tick::time).contains(Instant.parse("2024-03-01T21:00:00Z"));
        }
    }

    @Test
    void a_minute_bar_is_published_at_its_end_as_a_closing_tick_then_the_bar() {
        try (CsvReplayFeed replay = CsvReplayFeed.of(Map.of(ACME, AcmeBars.dailyThenMinutes()), MONDAY_OPEN)) {
            List<Object> events = new ArrayList<>();
            replay.subscribe(ACME, events::add, events::add);

            replay.advanceTo(Instant.parse("2024-03-04T14:30:59Z"));
            assertThat(events).isEmpty();
            replay.advanceTo(Instant.parse("2024-03-04T14:31:00Z"));

            assertThat(events).hasSize(2);
            Tick tick = (Tick) events.get(0);
            Bar bar = (Bar) events.get(1);
            assertThat(tick.time()).isEqualTo(bar.end());
            assertThat(tick.lastMicros()).isEqualTo(bar.closeMicros());
            assertThat(replay.history(ACME, MarketDataFeed.ONE_MINUTE, 10)).containsExactly(bar);
        }
    }

    @Test
    void a_daily_replay_ticks_each_close_at_the_session_close_and_publishes_no_minute_bars() {
        BarImport.Imported daily = AcmeBars.imported("acme-daily.csv");
        try (CsvReplayFeed replay = CsvReplayFeed.of(daily, Instant.parse("2024-02-28T00:00:00Z"))) {
            List<Tick> ticks = new ArrayList<>();
            List<Bar> bars = new ArrayList<>();
            replay.subscribe(ACME, ticks::add, bars::add);

            replay.advanceTo(Instant.parse("2024-03-02T00:00:00Z"));

            assertThat(ticks).extracting(Tick::time).containsExactly(
                    Instant.parse("2024-02-28T21:00:00Z"), Instant.parse("2024-02-29T21:00:00Z"), Instant.parse("2024-03-01T21:00:00Z"));
            assertThat(bars).isEmpty();
            assertThat(replay.history(ACME, MarketDataFeed.DAILY, 10)).hasSize(5);
            assertThat(replay.nextPublication()).isEmpty();
        }
    }

    @Test
    void started_on_a_clock_the_replay_follows_it() {
        SimulatedClock clock = SimulatedClock.manual(MONDAY_OPEN);
        try (CsvReplayFeed replay = CsvReplayFeed.of(Map.of(ACME, AcmeBars.dailyThenMinutes()), MONDAY_OPEN)) {
            List<Bar> bars = new CopyOnWriteArrayList<>();
            replay.subscribe(ACME, tick -> { }, bars::add);
            replay.start(clock, Duration.ofMillis(10));

            clock.advance(Duration.ofMinutes(3));

            await().atMost(Duration.ofSeconds(5)).until(() -> bars.size() == 3);
        }
    }
}
