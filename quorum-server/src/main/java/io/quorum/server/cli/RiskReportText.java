package io.quorum.server.cli;

import io.quorum.engine.message.Direction;
import io.quorum.server.api.AccountPortfolioView;
import io.quorum.server.api.RiskView;
import java.util.List;
import java.util.Locale;

/** The portfolio and risk views as the terminal reads them: the same figures as the API, in aligned columns. */
final class RiskReportText {
    private final StringBuilder text = new StringBuilder();

    private RiskReportText() {}

    static String of(AccountPortfolioView portfolio, RiskView risk) {
        RiskReportText out = new RiskReportText();
        out.portfolio(portfolio);
        out.risk(risk);
        return out.text.toString();
    }

    private void portfolio(AccountPortfolioView portfolio) {
        line("Portfolio: equity %s, cash %s, gross exposure %s (%s%%), net exposure %s (%s%%)", portfolio.equity(), portfolio.cash(),
                portfolio.grossExposure(), portfolio.grossExposurePct(), portfolio.netExposure(), portfolio.netExposurePct());
        line("  %-7s %-10s %-24s %10s %12s %14s", "session", "ticker", "sector", "shares", "price", "market value");
        for (AccountPortfolioView.HeldPosition held : portfolio.positions()) {
            long shares = held.position().direction() == Direction.LONG ? held.position().quantity() : -held.position().quantity();
            line("  %-7s %-10s %-24s %10d %12s %14s", held.sessionId().substring(0, 7), held.position().ticker(), held.sector(), shares,
                    held.position().currentPrice(), held.marketValue());
        }
        line("Exposure by sector:");
        for (AccountPortfolioView.Exposure sector : portfolio.bySector()) line("  %-24s %14s %8s%%", sector.name(), sector.exposure(), sector.pctOfEquity());
    }

    private void risk(RiskView risk) {
        line("Value-at-Risk and Expected Shortfall, one day, on %d days of history:", risk.historyDays());
        if (risk.valueAtRisk().isEmpty()) line("  none: too little history");
        for (RiskView.TailRiskFigure figure : risk.valueAtRisk()) {
            line("  %-10s %3s%%  VaR %12s (%s%%)  ES %12s (%s%%)", figure.method().toLowerCase(Locale.ROOT), figure.confidence(),
                    figure.valueAtRisk(), figure.valueAtRiskPct(), figure.expectedShortfall(), figure.expectedShortfallPct());
        }
        if (!risk.uncovered().isEmpty()) line("  not in the VaR, without history: %s", String.join(", ", risk.uncovered()));
        line("Stress:");
        for (RiskView.StressFigure stress : risk.stress()) {
            line("  %-44s %14s %8s%%%s", stress.scenario(), stress.pnl(), stress.pnlPct(),
                    stress.uncovered().isEmpty() ? "" : "  (not priced: " + String.join(", ", stress.uncovered()) + ")");
        }
        RiskView.Limits limits = risk.limits();
        line("Limits, per cent of equity: gross %s, net %s, a sector %s, VaR 99%% %s, stress loss %s", limits.grossExposurePct(), limits.netExposurePct(),
                limits.sectorPct(), limits.valueAtRisk99Pct(), limits.stressLossPct());
        RiskView.Correlation correlation = risk.correlation();
        line("Correlation of daily returns (annual volatility):");
        StringBuilder header = new StringBuilder("  %-8s".formatted(""));
        for (String ticker : correlation.tickers()) header.append(" %8s".formatted(ticker));
        line("%s", header);
        for (int i = 0; i < correlation.tickers().size(); i++) {
            StringBuilder row = new StringBuilder("  %-8s".formatted(correlation.tickers().get(i)));
            List<String> values = correlation.values().get(i);
            for (String value : values) row.append(" %8s".formatted(value));
            row.append("  (").append(correlation.annualVolatilityPct().get(i)).append("%)");
            line("%s", row);
        }
    }

    private void line(String format, Object... arguments) { text.append(format.formatted(arguments)).append('\n'); }
}
