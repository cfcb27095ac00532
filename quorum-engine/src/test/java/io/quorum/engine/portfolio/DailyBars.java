package io.quorum.engine.portfolio;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Price;
import io.quorum.engine.port.MarketDataFeed;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Daily bars for the risk tests: one per calendar day from a first day, closing at the given prices. */
final class DailyBars {
    private DailyBars() {}

    static List<Bar> closing(Ticker ticker, LocalDate first, String... closes) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            long close = Price.parse(closes[i]).micros();
            bars.add(new Bar(ticker, first.plusDays(i).atTime(14, 30).toInstant(ZoneOffset.UTC), MarketDataFeed.DAILY, close, close, close, close, 1_000_000));
        }
        return bars;
    }
}
