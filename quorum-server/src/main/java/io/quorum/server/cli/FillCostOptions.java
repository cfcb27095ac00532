package io.quorum.server.cli;

import io.quorum.engine.backtest.fill.Costs;
import io.quorum.server.backtest.FillCostChoice;
import java.math.BigDecimal;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What a backtest's fills cost: a commission per share, per order and in basis points of the
 * notional (they add up; none by default), and slippage against every fill.
 */
public final class FillCostOptions {
    @Option(names = "--commission-per-share", paramLabel = "DOLLARS", description = "Commission per share, e.g. 0.005 (default: none).")
    BigDecimal perShare;

    @Option(names = "--slippage-bps", paramLabel = "BP", defaultValue = "0", description = "Slippage against every fill, in basis points (default: ${DEFAULT-VALUE}).")
    int slippage;

    @Option(names = "--commission-per-order", paramLabel = "DOLLARS", description = "Commission per order, e.g. 1 (default: none).")
    BigDecimal perOrder;

    @Option(names = "--commission-bps", paramLabel = "BP", description = "Commission in basis points of the notional, e.g. 5 (default: none).")
    Integer commissionBasisPoints;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE) CommandLine.Model.CommandSpec command;

    Costs costs() {
        try {
            return new FillCostChoice(perShare, perOrder, commissionBasisPoints, slippage).costs();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
    }
}
