package io.quorum.server.wiring;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.portfolio.CorrelationMatrix;
import io.quorum.engine.portfolio.Portfolio;
import io.quorum.engine.portfolio.PortfolioLimits;
import io.quorum.engine.portfolio.RiskReport;
import io.quorum.engine.portfolio.StressResult;
import io.quorum.engine.position.Position;
import io.quorum.server.api.AccountPortfolioView;
import io.quorum.server.api.RiskView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The account's portfolio and risk as the API shows them, from the engine's values. */
public final class AccountViews {
    private static final double TRADING_DAYS = 252;

    private AccountViews() {}

    public static AccountPortfolioView portfolio(Portfolio portfolio) {
        List<AccountPortfolioView.HeldPosition> positions = new ArrayList<>();
        for (Position position : portfolio.positions()) {
            positions.add(new AccountPortfolioView.HeldPosition(position.session().value(), portfolio.sectors().get(position.ticker()),
                    position.signedMarketValue().toString(), ApiViews.position(position)));
        }
        List<AccountPortfolioView.Exposure> byTicker = new ArrayList<>();
        for (Map.Entry<Ticker, Money> entry : portfolio.exposureByTicker().entrySet()) byTicker.add(exposure(portfolio, entry.getKey().symbol(), entry.getValue()));
        List<AccountPortfolioView.Exposure> bySector = new ArrayList<>();
        for (Map.Entry<String, Money> entry : portfolio.exposureBySector().entrySet()) bySector.add(exposure(portfolio, entry.getKey(), entry.getValue()));
        byTicker.sort((a, b) -> a.name().compareTo(b.name()));
        bySector.sort((a, b) -> a.name().compareTo(b.name()));
        return new AccountPortfolioView(portfolio.equity().toString(), portfolio.cash().toString(),
                portfolio.grossExposure().toString(), pct(portfolio.equity(), portfolio.grossExposure()),
                portfolio.netExposure().toString(), pct(portfolio.equity(), portfolio.netExposure()), positions, byTicker, bySector);
    }

    public static RiskView risk(RiskReport report, PortfolioLimits limits) {
        Money equity = report.equity();
        List<RiskView.TailRiskFigure> figures = new ArrayList<>();
        for (RiskReport.Measure measure : report.tailRisks()) {
            Money var = measure.risk().valueAtRiskMoney();
            Money es = measure.risk().expectedShortfallMoney();
            figures.add(new RiskView.TailRiskFigure(measure.method().name(), measure.risk().confidence().percent(),
                    var.toString(), pct(equity, var), es.toString(), pct(equity, es)));
        }
        List<RiskView.StressFigure> stress = new ArrayList<>();
        for (StressResult result : report.stress()) {
            stress.add(new RiskView.StressFigure(result.scenario(), result.pnl().toString(), pct(equity, result.pnl()), symbols(result.uncovered())));
        }
        RiskView.Limits held = new RiskView.Limits(limits.maxGrossExposurePct().toPlainString(), limits.maxNetExposurePct().toPlainString(),
                limits.maxSectorPct().toPlainString(), limits.maxVarPct().toPlainString(), limits.maxStressLossPct().toPlainString());
        return new RiskView(report.equity().toString(), report.historyDays(), figures, stress, correlation(report.correlation()), symbols(report.uncovered()), held);
    }

    private static RiskView.Correlation correlation(CorrelationMatrix matrix) {
        List<List<String>> values = new ArrayList<>();
        List<String> daily = new ArrayList<>();
        List<String> annual = new ArrayList<>();
        for (int i = 0; i < matrix.size(); i++) {
            List<String> row = new ArrayList<>();
            for (int j = 0; j < matrix.size(); j++) row.add(decimal(matrix.value(i, j), 4));
            values.add(row);
            daily.add(decimal(matrix.dailyVolatility(i) * 100, 2));
            annual.add(decimal(matrix.dailyVolatility(i) * 100 * Math.sqrt(TRADING_DAYS), 2));
        }
        return new RiskView.Correlation(symbols(matrix.tickers()), values, daily, annual);
    }

    private static AccountPortfolioView.Exposure exposure(Portfolio portfolio, String name, Money exposure) {
        return new AccountPortfolioView.Exposure(name, exposure.toString(), pct(portfolio.equity(), exposure));
    }

    /** Per cent of equity, two places; zero while equity is not positive. */
    private static String pct(Money equity, Money amount) { return equity.isPositive() ? amount.percentOf(equity, 2).toPlainString() : "0.00"; }

    private static String decimal(double value, int places) { return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).toPlainString(); }

    private static List<String> symbols(List<Ticker> tickers) { return tickers.stream().map(Ticker::symbol).toList(); }
}
