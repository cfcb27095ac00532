package io.quorum.engine.agent;

import io.quorum.engine.market.Fundamentals;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The Fundamental agent's reading of a ticker's valuation against its sector.
 *
 * <p>A P/E premium over the sector must be earned by growth, so the test is the PEG ratio
 * (P/E over EPS growth in per cent) against the sector's: cheaper growth scores a point, dearer
 * growth loses one. Growth above the sector's adds a point, below it loses one; net cash adds a
 * point, debt above twice equity or shrinking revenue loses one. A score above zero favours
 * owning the stock, below zero favours shorting it or staying out.
 */
public record ValuationView(Fundamentals facts, BigDecimal pePremiumPct, BigDecimal growthGapPts, int score) {

    public static ValuationView of(Fundamentals facts) {
        BigDecimal premiumPct = facts.sectorPriceToEarnings().signum() == 0 ? BigDecimal.ZERO
                : facts.priceToEarnings().subtract(facts.sectorPriceToEarnings()).multiply(BigDecimal.valueOf(100))
                        .divide(facts.sectorPriceToEarnings(), 1, RoundingMode.HALF_EVEN);
        BigDecimal growthGapPts = facts.epsGrowth().subtract(facts.sectorEpsGrowth()).multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_EVEN);
        int score = 0;
        score += cheaperGrowthThanSector(facts) ? 1 : -1;
        score += growthGapPts.signum();
        score += facts.netCash().isPositive() ? 1 : 0;
        score -= facts.debtToEquity().compareTo(BigDecimal.TWO) > 0 ? 1 : 0;
        score += facts.revenueGrowth().signum() < 0 ? -1 : 0;
        return new ValuationView(facts, premiumPct, growthGapPts, score);
    }

    private static boolean cheaperGrowthThanSector(Fundamentals facts) {
        if (facts.epsGrowth().signum() <= 0 || facts.sectorEpsGrowth().signum() <= 0) {
            return facts.priceToEarnings().compareTo(facts.sectorPriceToEarnings()) <= 0;
        }
        // PEG(stock) <= PEG(sector)  <=>  PE * sectorGrowth <= sectorPE * growth, with no division.
        return facts.priceToEarnings().multiply(facts.sectorEpsGrowth())
                .compareTo(facts.sectorPriceToEarnings().multiply(facts.epsGrowth())) <= 0;
    }

    public boolean favoursLong() { return score > 0; }

    public boolean favoursShort() { return score < 0; }

    /** "P/E 28.4 vs sector 24.1 (+17.8%), EPS growth 12.0% vs 9.0%, net cash $57.00B". */
    public String summary() {
        return "P/E " + facts.priceToEarnings().setScale(1, RoundingMode.HALF_EVEN)
                + " vs sector " + facts.sectorPriceToEarnings().setScale(1, RoundingMode.HALF_EVEN)
                + " (" + (pePremiumPct.signum() >= 0 ? "+" : "") + pePremiumPct + "%), EPS growth "
                + percent(facts.epsGrowth()) + " vs " + percent(facts.sectorEpsGrowth())
                + ", " + (facts.netCash().isNegative() ? "net debt $" + billions(facts.netCash().negated().toBigDecimal()) : "net cash $" + billions(facts.netCash().toBigDecimal()))
                + ", debt/equity " + facts.debtToEquity().setScale(2, RoundingMode.HALF_EVEN);
    }

    private static String percent(BigDecimal ratio) {
        return ratio.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_EVEN) + "%";
    }

    private static String billions(BigDecimal dollars) {
        return dollars.movePointLeft(9).setScale(1, RoundingMode.HALF_EVEN) + "B";
    }
}
