package io.quorum.engine.risk;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.portfolio.AccountLimits;
import io.quorum.engine.session.SizingRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Sizes a trade by the session's {@link SizingRule}, in whole shares rounded down, then caps it:
 * <ul>
 *   <li>fixed-fractional: {@code floor(equity × risk% ÷ |entry − stop|)};</li>
 *   <li>ATR multiple: {@code floor(equity × risk% ÷ (k × ATR14))}, the stop taken {@code k} ATRs away;</li>
 *   <li>volatility target: {@code floor(equity × target% ÷ ATR14)}, one ATR being a share's daily move;</li>
 *   <li>fixed amount: {@code floor(amount ÷ entry)};</li>
 * </ul>
 * each capped by {@code floor(equity × maxPosition% ÷ entry)}, and by {@link #cappedBy} also by
 * what is already held and the account's limits. Never negative; zero when the rule's divisor is
 * nil (a stop on the entry, no ATR yet) or equity is not positive.
 */
public record PositionSizer(SizingRule rule, BigDecimal maxPositionPct) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public PositionSizer {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(maxPositionPct, "maxPositionPct");
        if (maxPositionPct.signum() <= 0 || maxPositionPct.compareTo(HUNDRED) > 0) throw new IllegalArgumentException("maxPositionPct: must be in (0, 100], was " + maxPositionPct);
    }

    /** Fixed-fractional sizing at {@code riskPerTradePct}. */
    public PositionSizer(BigDecimal riskPerTradePct, BigDecimal maxPositionPct) { this(new SizingRule.FixedFractional(riskPerTradePct), maxPositionPct); }

    /** Shares to trade when the stop is known and the ticker's ATR is not (an ATR rule then gives none). */
    public long sharesForStop(Money equity, Price entry, Price stop) { return shares(equity, entry, stop, 0); }

    /** Shares the rule gives for a trade at {@code entry} with {@code stop}, the ticker's ATR(14) being {@code atrMicros} (0 when unknown), capped by the max position. */
    public long shares(Money equity, Price entry, Price stop, long atrMicros) {
        if (!equity.isPositive()) return 0;
        BigDecimal dollars = BigDecimal.valueOf(equity.micros());
        long byRule = switch (rule) {
            case SizingRule.FixedFractional r -> divide(dollars.multiply(r.riskPct()).movePointLeft(2), Math.abs(entry.micros() - stop.micros()));
            case SizingRule.AtrMultiple r -> divide(dollars.multiply(r.riskPct()).movePointLeft(2), r.atrMultiple().multiply(BigDecimal.valueOf(atrMicros)));
            case SizingRule.VolatilityTarget r -> divide(dollars.multiply(r.targetDailyVolPct()).movePointLeft(2), atrMicros);
            case SizingRule.FixedAmount r -> divide(BigDecimal.valueOf(r.amount().micros()), entry.micros());
        };
        return Math.min(byRule, capShares(equity, entry));
    }

    /**
     * The shares the rule gives ({@link #shares}), {@link #cappedBy capped} by what is held and the
     * account's limits. The stop says the side: at or below the entry a buy, above it a short sale.
     */
    public long suggested(Money equity, Price entry, Price stop, long atrMicros, AccountLimits account, Ticker ticker, long held) {
        boolean buy = stop.micros() <= entry.micros();
        return cappedBy(account, ticker, held, buy, shares(equity, entry, stop, atrMicros), equity, entry);
    }

    /**
     * {@code shares}, bought ({@code long}) or sold short, cut so that the order breaks no limit in
     * force once filled: the position, with the {@code held} shares (signed) already in it, stays
     * within the max position, and the account within its exposure, VaR and stress limits.
     */
    public long cappedBy(AccountLimits account, Ticker ticker, long held, boolean buy, long shares, Money equity, Price entry) {
        long sameSide = buy ? Math.max(held, 0) : Math.max(-held, 0);
        long room = Math.max(0, capShares(equity, entry) - sameSide);
        long within = Math.min(shares, room);
        if (within == 0) return 0;
        return Math.abs(account.largestFit(ticker, held, buy ? within : -within, entry));
    }

    /** The most shares at {@code entry} that the max position allows on their own. */
    private long capShares(Money equity, Price entry) {
        if (!equity.isPositive()) return 0;
        return divide(BigDecimal.valueOf(equity.micros()).multiply(maxPositionPct).movePointLeft(2), entry.micros());
    }

    private static long divide(BigDecimal micros, long byMicros) { return divide(micros, BigDecimal.valueOf(byMicros)); }

    private static long divide(BigDecimal micros, BigDecimal byMicros) {
        if (byMicros.signum() <= 0) return 0;
        return micros.divide(byMicros, 0, RoundingMode.DOWN).longValueExact();
    }
}
