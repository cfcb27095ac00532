package io.quorum.engine.backtest.fill;

import io.quorum.engine.market.Bar;
import io.quorum.engine.position.ExitReason;
import java.util.Optional;

/**
 * Where a bar fills a backtest's orders, the conventions that make a backtest honest about what it
 * could not know:
 * <ul>
 *   <li>a market order decided on a bar's close fills at the next bar's open ({@link #marketFill});</li>
 *   <li>a stop or target is triggered by the bar's low or high and fills at its level, or at the
 *       open when the bar opens beyond it (a gap);</li>
 *   <li>levels are not checked on the bar the entry filled on: its open came first, and whether
 *       its low or high came before or after the fill cannot be known;</li>
 *   <li>when one bar touches both the stop and the target, the stop wins (the cautious reading);</li>
 *   <li>the trailing stop moves on closes ({@link Holding#ratchetedOn}).</li>
 * </ul>
 */
public final class BarFills {
    private final Costs costs;

    public BarFills(Costs costs) { this.costs = costs; }

    /** The price a market order to buy or sell fills at on {@code bar}: its open, moved by the slippage. */
    public long marketFill(boolean buying, Bar bar) { return costs.fillPrice(buying, bar.openMicros()); }

    /** The protective exit {@code bar} triggers for the holding, if any; none on the bar of the entry (bar number {@code barNumber}). */
    public Optional<ProtectiveExit> protectiveExit(Holding holding, Bar bar, long barNumber) {
        if (barNumber <= holding.entryBar()) return Optional.empty();
        return holding.isLong() ? longExit(holding, bar) : shortExit(holding, bar);
    }

    private Optional<ProtectiveExit> longExit(Holding holding, Bar bar) {
        long fixed = holding.protection().stopLoss() == null ? 0 : holding.protection().stopLoss().micros();
        long stop = Math.max(fixed, holding.trailingStopMicros());
        ExitReason stopReason = holding.trailingStopMicros() > fixed ? ExitReason.TRAILING_STOP : ExitReason.STOP_LOSS;
        long target = holding.protection().takeProfit() == null ? 0 : holding.protection().takeProfit().micros();
        if (stop > 0 && bar.openMicros() <= stop) return exit(stopReason, bar.openMicros(), false);
        if (target > 0 && bar.openMicros() >= target) return exit(ExitReason.TAKE_PROFIT, bar.openMicros(), false);
        if (stop > 0 && bar.lowMicros() <= stop) return exit(stopReason, stop, false);
        if (target > 0 && bar.highMicros() >= target) return exit(ExitReason.TAKE_PROFIT, target, false);
        return Optional.empty();
    }

    private Optional<ProtectiveExit> shortExit(Holding holding, Bar bar) {
        long fixed = holding.protection().stopLoss() == null ? 0 : holding.protection().stopLoss().micros();
        long trailing = holding.trailingStopMicros();
        long stop = fixed == 0 ? trailing : trailing == 0 ? fixed : Math.min(fixed, trailing);
        ExitReason stopReason = trailing != 0 && trailing < (fixed == 0 ? Long.MAX_VALUE : fixed) ? ExitReason.TRAILING_STOP : ExitReason.STOP_LOSS;
        long target = holding.protection().takeProfit() == null ? 0 : holding.protection().takeProfit().micros();
        if (stop > 0 && bar.openMicros() >= stop) return exit(stopReason, bar.openMicros(), true);
        if (target > 0 && bar.openMicros() <= target) return exit(ExitReason.TAKE_PROFIT, bar.openMicros(), true);
        if (stop > 0 && bar.highMicros() >= stop) return exit(stopReason, stop, true);
        if (target > 0 && bar.lowMicros() <= target) return exit(ExitReason.TAKE_PROFIT, target, true);
        return Optional.empty();
    }

    private Optional<ProtectiveExit> exit(ExitReason reason, long levelMicros, boolean buying) {
        return Optional.of(new ProtectiveExit(reason, costs.fillPrice(buying, levelMicros)));
    }
}
