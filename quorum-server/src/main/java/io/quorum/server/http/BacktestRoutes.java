package io.quorum.server.http;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.Context;
import io.quorum.engine.backtest.BacktestConfig;
import io.quorum.engine.backtest.LlmAnswers;
import io.quorum.engine.backtest.fill.ProtectionPolicy;
import io.quorum.engine.backtest.strategy.StrategySpec;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.server.api.DeskException;
import io.quorum.server.backtest.BacktestJob;
import io.quorum.server.backtest.BacktestOrder;
import io.quorum.server.backtest.BacktestRuns;
import io.quorum.server.backtest.BacktestView;
import io.quorum.server.backtest.FillCostChoice;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The backtest half of {@code docs/api.md}: start a run on a CSV file under the data folder, list
 * and follow runs, and serve a finished run's report files.
 */
final class BacktestRoutes {
    /** The report is one self-contained page (inline SVG and style, no script): it may draw, and nothing else. */
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
    private static final int MAX_ID = 64;

    private final BacktestRuns runs;
    private final RequestReader read;

    BacktestRoutes(BacktestRuns runs, RequestReader read) {
        this.runs = runs;
        this.read = read;
    }

    /** A file of the data folder a backtest can start on. */
    public record DataFile(String file) {}

    List<Route> table() {
        return List.of(
                Route.of(POST, "/api/backtests", "Start a backtest on a CSV file under the data folder; 202 with the run, 409 while another runs", this::start)
                        .accepts(RequestBodies.StartBacktest.class).returns(BacktestView.class).status(202),
                Route.of(GET, "/api/backtests", "The backtests, newest first: state, progress while running, headline figures once done", ctx -> ctx.json(runs.list()))
                        .returnsListOf(BacktestView.class),
                Route.of(GET, "/api/backtests/data", "The CSV files under the data folder a backtest can start on, named relative to it",
                                ctx -> ctx.json(runs.dataFiles().stream().map(DataFile::new).toList()))
                        .returnsListOf(DataFile.class),
                Route.of(GET, "/api/backtests/{id}", "One backtest", ctx -> ctx.json(runs.get(id(ctx))))
                        .returns(BacktestView.class),
                Route.of(GET, "/api/backtests/{id}/report.html", "A finished backtest's report: equity, drawdown, trades on price and the table of trades, self-contained",
                        ctx -> serve(ctx, BacktestJob.REPORT_HTML, "text/html; charset=utf-8")),
                Route.of(GET, "/api/backtests/{id}/report.json", "A finished backtest's report as JSON", ctx -> serve(ctx, BacktestJob.REPORT_JSON, "application/json")),
                Route.of(GET, "/api/backtests/{id}/trades.csv", "A finished backtest's trades as CSV", ctx -> serve(ctx, BacktestJob.TRADES_CSV, "text/csv; charset=utf-8")));
    }

    private void start(Context ctx) {
        RequestBodies.StartBacktest body = read.body(ctx, RequestBodies.StartBacktest.class);
        body.check();
        ctx.status(202).json(runs.start(order(body)));
    }

    /** The checked body as the run's order; what only the engine can judge (a strategy's parameters, the dates' order) is refused by field. */
    private static BacktestOrder order(RequestBodies.StartBacktest body) {
        Ticker ticker = valid("ticker", () -> Ticker.of(body.ticker()));
        StrategySpec strategy = valid("strategy", () -> StrategySpec.parse(body.strategy() == null ? "sma-cross:10,30" : body.strategy()));
        Money cash = valid("cash", () -> body.cash() == null ? BacktestConfig.DEFAULT_STARTING_CASH : Money.of(new BigDecimal(body.cash())));
        FillCostChoice costs = valid("commissionPerShare", () -> new FillCostChoice(decimal(body.commissionPerShare()), decimal(body.commissionPerOrder()),
                body.commissionBps(), body.slippageBps() == null ? 0 : body.slippageBps()));
        ProtectionPolicy protection = valid("stopPct", () -> new ProtectionPolicy(decimal(body.stopPct()), decimal(body.targetPct()), decimal(body.trailPct())));
        BacktestConfig config = valid("cash", () -> new BacktestConfig(cash, body.size() == null ? BacktestConfig.DEFAULT_SHARES : body.size(), strategy,
                costs.costs(), protection, body.seed() == null ? 0 : body.seed()));
        LocalDate from = body.from() == null ? null : LocalDate.parse(body.from());
        LocalDate to = body.to() == null ? null : LocalDate.parse(body.to());
        LlmAnswers answers = body.llmAnswers() == null ? LlmAnswers.CACHED : LlmAnswers.parse(body.llmAnswers());
        return valid("to", () -> new BacktestOrder(body.file(), ticker, from, to, config, !"single-agent".equals(body.mode()), answers));
    }

    private interface Parse<T> { T get(); }

    private static <T> T valid(String field, Parse<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw DeskException.Invalid.of(field, e.getMessage());
        }
    }

    private static BigDecimal decimal(String text) { return text == null ? null : new BigDecimal(text); }

    private String id(Context ctx) { return read.pathText(ctx, "id", MAX_ID); }

    private void serve(Context ctx, String name, String contentType) throws IOException {
        Path file = runs.reportFile(id(ctx), name);
        if (name.equals(BacktestJob.REPORT_HTML)) ctx.header("Content-Security-Policy", REPORT_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(contentType).result(Files.readAllBytes(file));
    }
}
