package io.quorum.server.cli;

import io.quorum.engine.backtest.fill.Costs;
import io.quorum.engine.broker.CommissionSchedule;
import io.quorum.engine.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What a backtest's fills cost: a commission per share, per order and in basis points of the
 * notional (they add up; none by default), and slippage against every fill.
 */
public final class FillCostOptions {
    private static final BigDecimal MAX_COMMISSION_DOLLARS = BigDecimal.valueOf(1_000);

    @Option(names = "--commission-per-share", paramLabel = "DOLLARS", description = "Commission per share, e.g. 0.005 (default: none).")
    BigDecimal perShare;

    @Option(names = "--slippage-bps", paramLabel = "BP", defaultValue = "0", description = "Slippage against every fill, in basis points (default: ${DEFAULT-VALUE}).")
    int slippage;

    @Option(names = "--commission-per-order", paramLabel = "DOLLARS", description = "Commission per order, e.g. 1 (default: none).")
    BigDecimal perOrder;

    @Option(names = "--commission-bps", paramLabel = "BP", description = "Commission in basis points of the notional, e.g. 5 (default: none).")
    Integer commissionBasisPoints;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE) CommandLine.Model.CommandSpec command;

    Costs costs() { return new Costs(commission(), slippage); }

    private CommissionSchedule commission() {
        List<CommissionSchedule> parts = new ArrayList<>();
        if (perShare != null) parts.add(new CommissionSchedule.PerShare(dollars("--commission-per-share", perShare), Money.ZERO));
        if (perOrder != null) parts.add(new CommissionSchedule.PerOrder(dollars("--commission-per-order", perOrder)));
        if (commissionBasisPoints != null) parts.add(new CommissionSchedule.BasisPoints(commissionBasisPoints));
        return parts.isEmpty() ? CommissionSchedule.FREE : parts.size() == 1 ? parts.getFirst() : new CommissionSchedule.Sum(parts);
    }

    /** A commission is at most $1,000 and has at most six decimals. */
    private Money dollars(String option, BigDecimal amount) {
        if (amount.scale() > 6 || amount.compareTo(MAX_COMMISSION_DOLLARS) > 0) {
            throw new CommandLine.ParameterException(command.commandLine(), option + ": at most 1000 dollars with six decimals, not " + amount.toPlainString());
        }
        return Money.of(amount);
    }
}
