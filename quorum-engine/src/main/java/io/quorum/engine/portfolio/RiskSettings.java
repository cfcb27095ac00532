package io.quorum.engine.portfolio;

import io.quorum.engine.portfolio.StressScenario.HistoricalReplay;
import io.quorum.engine.portfolio.StressScenario.UniformGap;
import io.quorum.engine.portfolio.StressScenario.VolatilitySpike;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the desk measures portfolio risk.
 *
 * @param historyDays  the window of daily returns for the historical VaR and the correlations
 * @param sectorShock  the move applied, one sector at a time, to every sector held
 * @param scenarios    the other stress scenarios, the user's own per-ticker shocks among them
 * @param limits       the account's limits on exposure, VaR and stress loss
 */
public record RiskSettings(int historyDays, BigDecimal sectorShock, List<StressScenario> scenarios, PortfolioLimits limits) {
    /** The uniform gap the desk stresses with unless told otherwise: every price 10% down. */
    public static final BigDecimal DEFAULT_GAP = new BigDecimal("-0.10");
    /** How many ATRs the stops slip in the volatility spike unless told otherwise. */
    public static final BigDecimal DEFAULT_STOP_SLIP_ATR = BigDecimal.TWO;
    public static final List<HistoricalReplay> DEFAULT_REPLAYS = List.of(HistoricalReplay.MARCH_2020, HistoricalReplay.OCTOBER_2008);

    public RiskSettings {
        if (historyDays < 2 || historyDays > 5_000) throw new IllegalArgumentException("historyDays: from 2 to 5000, was " + historyDays);
        sectorShock = new StressScenario.UniformGap(sectorShock).move();   // the bounds of every stress move
        scenarios = List.copyOf(scenarios);
        Objects.requireNonNull(limits, "limits");
    }

    /** 250 days; a −10% gap, each sector −20%, stops slipping 2 ATR, March 2020 and October 2008; the default limits. */
    public static RiskSettings defaults() {
        List<StressScenario> scenarios = new ArrayList<>(List.of(new UniformGap(DEFAULT_GAP), new VolatilitySpike(DEFAULT_STOP_SLIP_ATR)));
        scenarios.addAll(DEFAULT_REPLAYS);
        return new RiskSettings(250, new BigDecimal("-0.20"), scenarios, PortfolioLimits.defaults());
    }

    public RiskSettings withScenarios(List<StressScenario> others) { return new RiskSettings(historyDays, sectorShock, others, limits); }

    public RiskSettings withLimits(PortfolioLimits others) { return new RiskSettings(historyDays, sectorShock, scenarios, others); }
}
