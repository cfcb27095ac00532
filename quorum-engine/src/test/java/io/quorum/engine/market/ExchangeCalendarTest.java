package io.quorum.engine.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExchangeCalendarTest {
    private final ExchangeCalendar nyse = ExchangeCalendar.NYSE;

    private Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(nyse.zone()).toInstant();
    }

    @ParameterizedTest(name = "{0} is open: {1}")
    @CsvSource({
            "2024-03-04T09:29:59, false",
            "2024-03-04T09:30:00, true",
            "2024-03-04T15:59:59, true",
            "2024-03-04T16:00:00, false",
            "2024-03-09T11:00:00, false",   // Saturday
            "2024-07-15T10:00:00, true",    // summer time: 10:00 EDT
    })
    void the_session_runs_from_half_past_nine_to_four_new_york_time_on_weekdays(String local, boolean open) {
        assertThat(nyse.isOpen(newYork(local))).isEqualTo(open);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2024-01-01", "2024-01-15", "2024-02-19", "2024-03-29", "2024-05-27", "2024-06-19",
            "2024-07-04", "2024-09-02", "2024-11-28", "2024-12-25",
            "2022-01-17", "2021-12-24", "2022-12-26", "2023-01-02", "2025-04-18", "2026-07-03",
    })
    void us_market_holidays_are_closed_including_observed_ones(LocalDate holiday) {
        assertThat(nyse.isTradingDay(holiday)).isFalse();
        assertThat(nyse.isOpen(nyse.sessionOpen(holiday).plusSeconds(3600))).isFalse();
    }

    @Test
    void new_years_day_on_a_saturday_leaves_the_last_day_of_december_open() {
        assertThat(nyse.isTradingDay(LocalDate.of(2021, 12, 31))).isTrue();
    }

    @Test
    void the_next_open_after_friday_close_is_monday_morning() {
        Instant fridayEvening = newYork("2024-03-08T17:00:00");
        assertThat(nyse.nextOpen(fridayEvening)).isEqualTo(newYork("2024-03-11T09:30:00"));
    }

    @Test
    void the_next_open_skips_a_holiday_and_the_previous_open_finds_the_last_session() {
        Instant goodFriday = newYork("2024-03-29T12:00:00");
        assertThat(nyse.tradingDate(nyse.nextOpen(goodFriday))).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(nyse.tradingDate(nyse.previousOpen(goodFriday))).isEqualTo(LocalDate.of(2024, 3, 28));
        assertThat(nyse.previousOpen(newYork("2024-03-04T09:30:00"))).isEqualTo(newYork("2024-03-04T09:30:00"));
    }

    @Test
    void the_trading_day_begins_at_new_york_midnight_for_daily_counters() {
        Instant lateSession = newYork("2024-03-04T15:00:00");
        assertThat(nyse.startOfTradingDay(lateSession)).isEqualTo(newYork("2024-03-04T00:00:00"));
        assertThat(nyse.previousTradingDay(LocalDate.of(2024, 3, 4))).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(nyse.nextTradingDay(LocalDate.of(2024, 3, 28))).isEqualTo(LocalDate.of(2024, 4, 1));
    }
}
