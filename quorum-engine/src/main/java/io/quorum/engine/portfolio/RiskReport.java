package io.quorum.engine.portfolio;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.portfolio.StressScenario.SectorShock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The account's risk at one moment: one-day VaR and ES at 95% and 99% both ways, the stress
 * results, and the correlations they rest on.
 *
 * @param historyDays how many days of returns the figures rest on (fewer than the window when history is short)
 * @param uncovered   tickers held without return history: they are in no VaR (the stress scenarios that can price them still do)
 */
public record RiskReport(Money equity, int historyDays, List<Measure> tailRisks, List<StressResult> stress, CorrelationMatrix correlation,
        List<Ticker> uncovered) {
    public static final List<Confidence> LEVELS = List.of(Confidence.P95, Confidence.P99);

    public enum Method { HISTORICAL, PARAMETRIC }

    /** One method's tail risk at one level. */
    public record Measure(Method method, TailRisk risk) {}

    public RiskReport {
        Objects.requireNonNull(equity, "equity");
        tailRisks = List.copyOf(tailRisks);
        stress = List.copyOf(stress);
        Objects.requireNonNull(correlation, "correlation");
        uncovered = List.copyOf(uncovered);
    }

    /** Before anything is held or known: no figures. */
    public static RiskReport none(Money equity) {
        return new RiskReport(equity, 0, List.of(), List.of(), RiskModel.EMPTY.correlation(), List.of());
    }

    /** Measures {@code portfolio} on what {@code history} knows, under {@code settings}. */
    public static RiskReport measure(Portfolio portfolio, RiskModel history, RiskSettings settings) {
        List<Measure> measures = new ArrayList<>();
        ReturnHistory returns = history.returns();
        double[] exposures = history.exposures(portfolio.exposureByTicker());
        if (returns.dayCount() >= 2) {
            for (Confidence level : LEVELS) {
                measures.add(new Measure(Method.HISTORICAL, new HistoricalVar(returns).tailRisk(exposures, level)));
                measures.add(new Measure(Method.PARAMETRIC, new ParametricVar(history.correlation()).tailRisk(exposures, level)));
            }
        }
        List<Ticker> uncovered = new ArrayList<>();
        for (Ticker held : portfolio.exposureByTicker().keySet()) {
            if (returns.indexOf(held) < 0 || returns.dayCount() < 2) uncovered.add(held);
        }
        List<StressResult> stress = stress(portfolio.holdings(), portfolio.exposureBySector().keySet(), history, settings);
        return new RiskReport(portfolio.equity(), returns.dayCount(), measures, stress, history.correlation(), uncovered);
    }

    /** The settings' scenarios, then the sector shock of each sector in {@code sectors}, on {@code holdings}. */
    static List<StressResult> stress(List<Holding> holdings, Collection<String> sectors, RiskModel history, RiskSettings settings) {
        StressTest test = history.stressTest();
        List<StressResult> results = new ArrayList<>();
        for (StressScenario scenario : settings.scenarios()) results.add(test.run(scenario, holdings));
        for (String sector : sectors) results.add(test.run(new SectorShock(sector, settings.sectorShock()), holdings));
        return results;
    }

    /** The figure of one method at one level, if the history allowed it. */
    public Optional<TailRisk> tailRisk(Method method, Confidence level) {
        for (Measure measure : tailRisks) {
            if (measure.method() == method && measure.risk().confidence().equals(level)) return Optional.of(measure.risk());
        }
        return Optional.empty();
    }

    /** The scenario that loses most, if any loses. */
    public Optional<StressResult> worstStress() { return worst(stress); }

    static Optional<StressResult> worst(List<StressResult> results) {
        StressResult worst = null;
        for (StressResult result : results) {
            if (result.pnl().isNegative() && (worst == null || result.pnl().compareTo(worst.pnl()) < 0)) worst = result;
        }
        return Optional.ofNullable(worst);
    }
}
