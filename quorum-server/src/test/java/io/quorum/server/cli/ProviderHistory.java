package io.quorum.server.cli;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Daily history as a provider would have it today: the sessions up to yesterday's, climbing steadily. */
final class ProviderHistory {
    private ProviderHistory() {}

    /** The {@code count} sessions before today's, each closing {@code stepMicros} above the one before, from {@code firstOpenMicros}. */
    static List<Bar> climbingDays(Ticker ticker, int count, long firstOpenMicros, long stepMicros) {
        ExchangeCalendar nyse = ExchangeCalendar.NYSE;
        List<LocalDate> sessions = new ArrayList<>();
        for (LocalDate day = nyse.previousTradingDay(nyse.tradingDate(Instant.now())); sessions.size() < count; day = nyse.previousTradingDay(day)) {
            sessions.addFirst(day);
        }
        List<Bar> bars = new ArrayList<>();
        long close = firstOpenMicros;
        for (LocalDate day : sessions) {
            long open = close;
            close = open + stepMicros;
            bars.add(new Bar(ticker, nyse.sessionOpen(day), MarketDataFeed.DAILY, open, close + 400_000, open - 400_000, close, 5_000_000));
        }
        return bars;
    }
}
