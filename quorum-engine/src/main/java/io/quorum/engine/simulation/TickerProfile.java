package io.quorum.engine.simulation;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Price;
import java.util.List;
import java.util.Objects;

/**
 * How a simulated ticker behaves: where it starts, how much it moves (annualised volatility,
 * 0.25 = 25%) and how much trades in a day.
 */
public record TickerProfile(Ticker ticker, Price start, double annualVolatility, long averageDailyVolume) {
    public TickerProfile {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(start, "start");
        if (!(annualVolatility > 0 && annualVolatility < 3)) throw new IllegalArgumentException("annual volatility out of range (0, 3): " + annualVolatility);
        if (averageDailyVolume <= 0) throw new IllegalArgumentException("average daily volume must be positive: " + averageDailyVolume);
    }

    public static TickerProfile of(String symbol, String startPrice, double annualVolatility, long averageDailyVolume) {
        return new TickerProfile(Ticker.of(symbol), Price.parse(startPrice), annualVolatility, averageDailyVolume);
    }

    /** The default market: four large caps and the S&P 500 ETF, at plausible prices. */
    public static List<TickerProfile> defaults() {
        return List.of(
                of("AAPL", "189.50", 0.24, 55_000_000),
                of("MSFT", "415.20", 0.22, 22_000_000),
                of("NVDA", "121.40", 0.48, 240_000_000),
                of("TSLA", "248.70", 0.55, 95_000_000),
                of("SPY", "542.30", 0.14, 65_000_000));
    }
}
