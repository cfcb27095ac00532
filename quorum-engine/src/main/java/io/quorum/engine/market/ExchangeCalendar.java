package io.quorum.engine.market;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When an exchange trades: regular sessions on weekdays that are not holidays. Holidays are
 * derived from the exchange's rules (fixed dates moved off weekends, "third Monday", Good
 * Friday from Easter) rather than listed, so the calendar works for any year. Early closes
 * (day after Thanksgiving, Christmas Eve) are not modelled: those days count as full sessions.
 */
public final class ExchangeCalendar {
    /** The New York Stock Exchange: 09:30-16:00 America/New_York. */
    public static final ExchangeCalendar NYSE =
            new ExchangeCalendar(ZoneId.of("America/New_York"), LocalTime.of(9, 30), LocalTime.of(16, 0));

    private final ZoneId zone;
    private final LocalTime open;
    private final LocalTime close;

    private ExchangeCalendar(ZoneId zone, LocalTime open, LocalTime close) {
        this.zone = zone;
        this.open = open;
        this.close = close;
    }

    public ZoneId zone() { return zone; }

    /** True from the session's open (inclusive) to its close (exclusive) on a trading day. */
    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (!isTradingDay(local.toLocalDate())) return false;
        LocalTime time = local.toLocalTime();
        return !time.isBefore(open) && time.isBefore(close);
    }

    public boolean isTradingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** The exchange-local date of an instant: the day whose P&L it counts towards. */
    public LocalDate tradingDate(Instant instant) { return instant.atZone(zone).toLocalDate(); }

    /** The instant the daily counters (daily P&L, trades per day) start again for the day of {@code instant}: local midnight. */
    public Instant startOfTradingDay(Instant instant) {
        return tradingDate(instant).atStartOfDay(zone).toInstant();
    }

    public Instant sessionOpen(LocalDate tradingDay) { return tradingDay.atTime(open).atZone(zone).toInstant(); }

    public Instant sessionClose(LocalDate tradingDay) { return tradingDay.atTime(close).atZone(zone).toInstant(); }

    /** The open of the first session starting at or after {@code instant}. */
    public Instant nextOpen(Instant instant) {
        LocalDate day = tradingDate(instant);
        while (!isTradingDay(day) || sessionOpen(day).isBefore(instant)) day = day.plusDays(1);
        return sessionOpen(day);
    }

    /** The open of the last session that started at or before {@code instant}. */
    public Instant previousOpen(Instant instant) {
        LocalDate day = tradingDate(instant);
        while (!isTradingDay(day) || sessionOpen(day).isAfter(instant)) day = day.minusDays(1);
        return sessionOpen(day);
    }

    public LocalDate nextTradingDay(LocalDate date) {
        LocalDate day = date.plusDays(1);
        while (!isTradingDay(day)) day = day.plusDays(1);
        return day;
    }

    public LocalDate previousTradingDay(LocalDate date) {
        LocalDate day = date.minusDays(1);
        while (!isTradingDay(day)) day = day.minusDays(1);
        return day;
    }

    /** NYSE full-day holidays; a holiday on Saturday is observed on Friday, on Sunday on Monday. */
    public boolean isHoliday(LocalDate date) {
        int year = date.getYear();
        return date.equals(newYearsDayObserved(date))
                || date.equals(nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY))
                || date.equals(nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY))
                || date.equals(easterSunday(year).minusDays(2))
                || date.equals(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                || (year >= 2022 && date.equals(observed(LocalDate.of(year, Month.JUNE, 19))))
                || date.equals(observed(LocalDate.of(year, Month.JULY, 4)))
                || date.equals(nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY))
                || date.equals(nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY))
                || date.equals(observed(LocalDate.of(year, Month.DECEMBER, 25)));
    }

    /** New Year's Day on a Saturday is not moved back into the old year: the exchange stays open on 31 December. */
    private static LocalDate newYearsDayObserved(LocalDate date) {
        LocalDate newYear = LocalDate.of(date.getYear(), Month.JANUARY, 1);
        return newYear.getDayOfWeek() == DayOfWeek.SUNDAY ? newYear.plusDays(1) : newYear;
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nth(int year, Month month, int n, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** Gregorian Easter (the anonymous Gregorian algorithm), for Good Friday. */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
