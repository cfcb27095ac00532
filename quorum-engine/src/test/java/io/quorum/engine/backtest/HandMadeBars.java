package io.quorum.engine.backtest;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Price;
import io.quorum.engine.port.MarketDataFeed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Daily bars written as "open high low close" in dollars, one trading day after another from 2 January 2024. */
public final class HandMadeBars {
    public static final Ticker ACME = Ticker.of("ACME");
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 2);

    private HandMadeBars() {}

    public static List<Bar> daily(String... ohlc) {
        List<Bar> bars = new ArrayList<>();
        LocalDate day = FIRST_DAY;
        for (String line : ohlc) {
            bars.add(bar(day, line));
            day = ExchangeCalendar.NYSE.nextTradingDay(day);
        }
        return bars;
    }

    public static Bar bar(LocalDate day, String ohlc) {
        String[] prices = ohlc.trim().split("\\s+");
        return new Bar(ACME, ExchangeCalendar.NYSE.sessionOpen(day), MarketDataFeed.DAILY, micros(prices[0]), micros(prices[1]), micros(prices[2]),
                micros(prices[3]), 1_000_000);
    }

    public static long micros(String dollars) { return Price.parse(dollars).micros(); }
}
