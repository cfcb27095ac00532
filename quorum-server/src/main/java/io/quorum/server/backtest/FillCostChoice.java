package io.quorum.server.backtest;

import io.quorum.engine.backtest.fill.Costs;
import io.quorum.engine.broker.CommissionSchedule;
import io.quorum.engine.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a backtest's fills cost, as a user chooses it: a commission per share, per order and in
 * basis points of the notional (they add up; any may be null for none), and slippage against every
 * fill. A commission is at most $1,000 with six decimals.
 */
public record FillCostChoice(BigDecimal perShare, BigDecimal perOrder, Integer commissionBasisPoints, int slippageBasisPoints) {
    public static final BigDecimal MAX_COMMISSION_DOLLARS = BigDecimal.valueOf(1_000);
    public static final int MAX_COMMISSION_SCALE = 6;

    public FillCostChoice {
        check("commission per share", perShare);
        check("commission per order", perOrder);
    }

    public Costs costs() { return new Costs(commission(), slippageBasisPoints); }

    private CommissionSchedule commission() {
        List<CommissionSchedule> parts = new ArrayList<>();
        if (perShare != null) parts.add(new CommissionSchedule.PerShare(Money.of(perShare), Money.ZERO));
        if (perOrder != null) parts.add(new CommissionSchedule.PerOrder(Money.of(perOrder)));
        if (commissionBasisPoints != null) parts.add(new CommissionSchedule.BasisPoints(commissionBasisPoints));
        return parts.isEmpty() ? CommissionSchedule.FREE : parts.size() == 1 ? parts.getFirst() : new CommissionSchedule.Sum(parts);
    }

    private static void check(String what, BigDecimal amount) {
        if (amount != null && (amount.signum() < 0 || amount.scale() > MAX_COMMISSION_SCALE || amount.compareTo(MAX_COMMISSION_DOLLARS) > 0)) {
            throw new IllegalArgumentException(what + ": at most 1000 dollars with six decimals, not " + amount.toPlainString());
        }
    }
}
