package io.quorum.engine.portfolio;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import java.util.List;

/**
 * What a scenario does to the account: the P&L (negative is a loss) and the tickers it could not
 * price (a replay without history for them, a spike without their ATR), which it leaves unchanged.
 */
public record StressResult(String scenario, Money pnl, List<Ticker> uncovered) {
    public StressResult {
        if (scenario == null || pnl == null) throw new IllegalArgumentException("stress result: scenario and P&L are required");
        uncovered = List.copyOf(uncovered);
    }

    /** The loss as a positive amount; zero when the scenario gains. */
    public Money loss() { return pnl.isNegative() ? pnl.negated() : Money.ZERO; }
}
