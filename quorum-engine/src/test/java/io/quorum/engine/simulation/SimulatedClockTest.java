package io.quorum.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {
    private final Instant open = ExchangeCalendar.NYSE.sessionOpen(LocalDate.of(2024, 3, 4));
    private final ManualClock wall = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void at_speed_sixty_one_market_hour_passes_in_one_wall_minute() {
        SimulatedClock clock = new SimulatedClock(open, 60, wall);
        wall.advance(Duration.ofMinutes(1));
        assertThat(clock.now()).isEqualTo(open.plus(Duration.ofHours(1)));
    }

    @Test
    void changing_the_speed_keeps_the_market_time_and_changes_only_its_pace() {
        SimulatedClock clock = new SimulatedClock(open, 60, wall);
        wall.advance(Duration.ofSeconds(10));
        clock.setSpeed(1);
        assertThat(clock.now()).isEqualTo(open.plusSeconds(600));
        wall.advance(Duration.ofSeconds(10));
        assertThat(clock.now()).isEqualTo(open.plusSeconds(610));
    }

    @Test
    void a_manual_clock_moves_only_when_advanced_and_never_backwards() {
        SimulatedClock clock = SimulatedClock.manual(open);
        assertThat(clock.now()).isEqualTo(open);
        clock.advance(Duration.ofMinutes(5));
        clock.jumpTo(open.plus(Duration.ofHours(1)));
        assertThat(clock.now()).isEqualTo(open.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> clock.jumpTo(open)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_default_start_is_the_open_of_the_latest_session_so_ticks_come_at_once() {
        Instant sundayNight = Instant.parse("2024-03-11T02:00:00Z");
        assertThat(SimulatedClock.defaultStart(sundayNight))
                .isEqualTo(ExchangeCalendar.NYSE.sessionOpen(LocalDate.of(2024, 3, 8)));
    }
}
