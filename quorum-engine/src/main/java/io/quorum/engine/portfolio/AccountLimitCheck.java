package io.quorum.engine.portfolio;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Holds an order that adds exposure to the account's limits ({@link PortfolioLimits}): the account
 * as it would be once the order filled at {@code price}, against the account now. A measure over its
 * limit refuses the order only when the order makes it worse, so a hedge is never refused for a
 * breach the market made. Equity is taken as unchanged by the fill (the cash pays for the shares).
 *
 * @param account  the account now, as the engine loop sees it
 * @param history  the returns and stress test its VaR and stress loss rest on
 * @param settings the stress scenarios and the limits
 */
public record AccountLimitCheck(Portfolio account, RiskModel history, RiskSettings settings) implements AccountLimits {

    /** Which limit an order would break. */
    public enum Limit {
        GROSS_EXPOSURE, NET_EXPOSURE, SECTOR_EXPOSURE, VALUE_AT_RISK, STRESS_LOSS;

        /** The VaR and the stress loss: the limits the Risk agent vetoes for and {@link #smallestCut} brings an account back within. */
        public boolean isTailRisk() { return this == VALUE_AT_RISK || this == STRESS_LOSS; }
    }

    /** The limit broken and the sentence that says so, in numbers. */
    public record Breach(Limit limit, String sentence) {}

    /**
     * The first limit that buying ({@code shares} positive) or selling {@code shares} of {@code ticker}
     * would break, for a session that holds {@code sessionShares} of it (net of its working orders).
     */
    @Override public Optional<Breach> firstBreach(Ticker ticker, long sessionShares, long shares, Price price) {
        Money equity = account.equity();
        if (!equity.isPositive()) return Optional.empty();
        PortfolioLimits limits = settings.limits();
        Money change = price.times(shares);
        Money grossAfter = account.grossExposure().minus(price.times(Math.abs(sessionShares))).plus(price.times(Math.abs(Math.addExact(sessionShares, shares))));
        Optional<Breach> gross = exceeds(Limit.GROSS_EXPOSURE, "gross exposure", account.grossExposure(), grossAfter, limits.maxGrossExposurePct());
        if (gross.isPresent()) return gross;
        Optional<Breach> net = exceeds(Limit.NET_EXPOSURE, "net exposure", abs(account.netExposure()), abs(account.netExposure().plus(change)), limits.maxNetExposurePct());
        if (net.isPresent()) return net;
        String sector = history.sectors().getOrDefault(ticker, Portfolio.UNKNOWN_SECTOR);
        Money sectorNow = account.exposureBySector().getOrDefault(sector, Money.ZERO);
        Optional<Breach> sectorBreach = exceeds(Limit.SECTOR_EXPOSURE, sector + " exposure", abs(sectorNow), abs(sectorNow.plus(change)), limits.maxSectorPct());
        if (sectorBreach.isPresent()) return sectorBreach;
        Optional<Breach> var = exceeds(Limit.VALUE_AT_RISK, "VaR 99%", valueAtRisk(account.exposureByTicker()), valueAtRisk(after(ticker, change)), limits.maxVarPct());
        if (var.isPresent()) return var;
        return exceeds(Limit.STRESS_LOSS, "the worst stress loss", stressLoss(account.holdings()), stressLoss(withOrder(ticker, sector, shares, price)), limits.maxStressLossPct());
    }

    /**
     * The most shares up to {@code wanted} (signed as the order) that break no limit, or zero: each
     * measure (exposure, VaR, stress loss) grows with the size on one side, or first falls and then
     * grows, so what fits is the sizes from zero up to one, and the largest fit is found by bisection.
     */
    @Override public long largestFit(Ticker ticker, long sessionShares, long wanted, Price price) {
        long low = 0;
        long high = Math.abs(wanted);
        long sign = Long.signum(wanted);
        while (low < high) {
            long middle = low + (high - low + 1) / 2;
            Optional<Breach> breach = firstBreach(ticker, sessionShares, sign * middle, price);
            if (breach.isEmpty()) low = middle;
            else high = middle - 1;
        }
        return sign * low;
    }

    /**
     * The account's VaR 99% or worst stress loss, as it stands, when it is over its limit: a breach
     * the market made, with no order to blame.
     */
    @Override public Optional<Breach> tailRiskOverLimit() {
        if (!account.equity().isPositive()) return Optional.empty();
        PortfolioLimits limits = settings.limits();
        Optional<Breach> var = over(Limit.VALUE_AT_RISK, "VaR 99%", valueAtRisk(account.exposureByTicker()), limits.maxVarPct());
        if (var.isPresent()) return var;
        return over(Limit.STRESS_LOSS, "the worst stress loss", stressLoss(account.holdings()), limits.maxStressLossPct());
    }

    /**
     * The fewest of the {@code held} shares of {@code ticker} (signed) to sell, or to buy back for a
     * short, that bring the VaR and the stress loss within their limits at {@code price}; all of them
     * when nothing less does. Found by bisection, as {@link #largestFit}: both measures shrink as the
     * holding does.
     */
    @Override public long smallestCut(Ticker ticker, long held, Price price) {
        PortfolioLimits limits = settings.limits();
        long low = 1;
        long high = Math.abs(held);
        while (low < high) {
            long middle = low + (high - low) / 2;
            long signedCut = -Long.signum(held) * middle;
            boolean fits = percentOfEquity(valueAtRisk(after(ticker, price.times(signedCut)))).compareTo(limits.maxVarPct()) <= 0
                    && percentOfEquity(stressLoss(withCut(ticker, signedCut))).compareTo(limits.maxStressLossPct()) <= 0;
            if (fits) high = middle;
            else low = middle + 1;
        }
        return high;
    }

    /** The historical VaR 99% in money; zero without two days of history. */
    public Money valueAtRisk(Map<Ticker, Money> exposures) {
        if (history.returns().dayCount() < 2) return Money.ZERO;
        return new HistoricalVar(history.returns()).tailRisk(history.exposures(exposures), Confidence.P99).valueAtRiskMoney();
    }

    /** The loss of the worst scenario on {@code holdings}, zero when none loses. */
    public Money stressLoss(List<Holding> holdings) {
        TreeSet<String> sectors = new TreeSet<>();
        for (Holding holding : holdings) sectors.add(holding.sector());
        return RiskReport.worst(RiskReport.stress(holdings, sectors, history, settings)).map(StressResult::loss).orElse(Money.ZERO);
    }

    /** The account's exposures per ticker once {@code change} is added to {@code ticker}'s. */
    public Map<Ticker, Money> after(Ticker ticker, Money change) {
        Map<Ticker, Money> exposures = new TreeMap<>(account.exposureByTicker());
        exposures.merge(ticker, change, Money::plus);
        return exposures;
    }

    /** The account's holdings with the order's shares as one more holding (without a stop). */
    public List<Holding> withOrder(Ticker ticker, String sector, long shares, Price price) {
        List<Holding> holdings = new ArrayList<>(account.holdings());
        if (shares != 0) holdings.add(new Holding(ticker, sector, shares, price, null));
        return holdings;
    }

    /**
     * The account's holdings with {@code signedCut} shares taken off {@code ticker}'s, the first
     * holding first: the stop of what is kept still counts in a volatility spike, as an opposite
     * holding without a stop would not.
     */
    private List<Holding> withCut(Ticker ticker, long signedCut) {
        List<Holding> holdings = new ArrayList<>();
        long left = Math.abs(signedCut);
        for (Holding holding : account.holdings()) {
            boolean cutFromThis = left > 0 && holding.ticker().equals(ticker) && Long.signum(holding.shares()) == -Long.signum(signedCut);
            if (!cutFromThis) {
                holdings.add(holding);
                continue;
            }
            long taken = Math.min(left, Math.abs(holding.shares()));
            left -= taken;
            long kept = holding.shares() - Long.signum(holding.shares()) * taken;
            if (kept != 0) holdings.add(new Holding(holding.ticker(), holding.sector(), kept, holding.last(), holding.stop()));
        }
        return holdings;
    }

    /** {@code amount} in per cent of the account's equity, four places: a limit is compared finer than it is said. */
    public BigDecimal percentOfEquity(Money amount) { return amount.percentOf(account.equity(), 4); }

    private Optional<Breach> exceeds(Limit limit, String measure, Money now, Money after, BigDecimal maxPct) {
        BigDecimal afterPct = percentOfEquity(after);
        if (afterPct.compareTo(maxPct) <= 0 || after.compareTo(now) <= 0) return Optional.empty();
        return Optional.of(new Breach(limit, measure + " would go from " + percent(percentOfEquity(now)) + " to " + percent(afterPct)
                + " of equity, above the " + percent(maxPct) + " limit"));
    }

    private Optional<Breach> over(Limit limit, String measure, Money now, BigDecimal maxPct) {
        BigDecimal nowPct = percentOfEquity(now);
        if (nowPct.compareTo(maxPct) <= 0) return Optional.empty();
        return Optional.of(new Breach(limit, measure + " is " + percent(nowPct) + " of equity, above the " + percent(maxPct) + " limit"));
    }

    private static Money abs(Money amount) { return amount.isNegative() ? amount.negated() : amount; }

    private static String percent(BigDecimal value) {
        return value.setScale(Math.min(Math.max(value.scale(), 0), 2), RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "%";
    }
}
