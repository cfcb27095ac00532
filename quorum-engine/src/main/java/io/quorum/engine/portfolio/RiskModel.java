package io.quorum.engine.portfolio;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What risk knows of the market at one moment, frozen: the return history and correlations of the
 * tickers the desk watches, the stress test over their daily bars, and their sectors. Immutable, so
 * the engine loop hands it to the agents in its snapshot and they measure a proposal on it themselves.
 */
public record RiskModel(ReturnHistory returns, CorrelationMatrix correlation, StressTest stressTest, Map<Ticker, String> sectors) {
    private static final ReturnHistory NO_RETURNS = ReturnHistory.of(List.of(), List.of(), new double[0][]);
    /** Before the desk watches anything. */
    public static final RiskModel EMPTY = new RiskModel(NO_RETURNS, CorrelationMatrix.of(NO_RETURNS), new StressTest(Map.of(), Map.of()), Map.of());

    public RiskModel {
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(correlation, "correlation");
        Objects.requireNonNull(stressTest, "stressTest");
        sectors = Map.copyOf(sectors);
    }

    /** Signed exposures in dollars, one per ticker of {@link #returns()}; a ticker held without history is left out. */
    public double[] exposures(Map<Ticker, Money> exposureByTicker) {
        double[] exposures = new double[returns.tickers().size()];
        exposureByTicker.forEach((ticker, value) -> {
            int index = returns.indexOf(ticker);
            if (index >= 0) exposures[index] = value.micros() / 1e6;
        });
        return exposures;
    }
}
