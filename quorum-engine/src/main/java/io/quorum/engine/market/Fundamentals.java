package io.quorum.engine.market;

import io.quorum.engine.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Valuation facts for a ticker and the averages of its sector. Ratios are plain decimals
 * (a P/E of 28.4; growth of 0.12 = 12%); cash amounts are money.
 */
public record Fundamentals(
        Ticker ticker,
        String sector,
        BigDecimal priceToEarnings,
        BigDecimal epsGrowth,
        BigDecimal revenueGrowth,
        Money netCash,
        BigDecimal debtToEquity,
        BigDecimal sectorPriceToEarnings,
        BigDecimal sectorEpsGrowth) {
    public Fundamentals {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(priceToEarnings, "priceToEarnings");
        Objects.requireNonNull(epsGrowth, "epsGrowth");
        Objects.requireNonNull(revenueGrowth, "revenueGrowth");
        Objects.requireNonNull(netCash, "netCash");
        Objects.requireNonNull(debtToEquity, "debtToEquity");
        Objects.requireNonNull(sectorPriceToEarnings, "sectorPriceToEarnings");
        Objects.requireNonNull(sectorEpsGrowth, "sectorEpsGrowth");
    }
}
