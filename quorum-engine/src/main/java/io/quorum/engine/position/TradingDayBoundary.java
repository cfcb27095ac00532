package io.quorum.engine.position;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Knows when the current trading day ends, so that the tick path compares two longs instead of
 * asking the calendar (which allocates) on every tick. The calendar is asked again only once the
 * boundary is passed; the boundary itself is found by bisection, which works for any calendar that
 * never goes backwards (exchange time zones, weekends mapped to the next session, ...).
 */
final class TradingDayBoundary {
    private static final long HOUR_MILLIS = 3_600_000L;
    private static final long SEARCH_LIMIT_MILLIS = 400L * 24 * HOUR_MILLIS;

    private final Function<Instant, LocalDate> tradingDay;
    private long nextDayStartMillis = Long.MIN_VALUE;

    TradingDayBoundary(Function<Instant, LocalDate> tradingDay) { this.tradingDay = tradingDay; }

    /** True when {@code millis} is the first moment seen of a new trading day (also for the very first moment). */
    boolean startsNewDay(long millis) {
        if (millis < nextDayStartMillis) return false;
        nextDayStartMillis = nextDayStartAfter(millis);
        return true;
    }

    private long nextDayStartAfter(long millis) {
        LocalDate day = dayOf(millis);
        long step = HOUR_MILLIS;
        while (day.equals(dayOf(millis + step))) {
            if (step > SEARCH_LIMIT_MILLIS) return Long.MAX_VALUE;
            step *= 2;
        }
        long sameDay = millis;
        long nextDay = millis + step;
        while (nextDay - sameDay > 1) {
            long middle = sameDay + (nextDay - sameDay) / 2;
            if (day.equals(dayOf(middle))) sameDay = middle; else nextDay = middle;
        }
        return nextDay;
    }

    private LocalDate dayOf(long millis) { return tradingDay.apply(Instant.ofEpochMilli(millis)); }
}
