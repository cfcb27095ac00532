package io.quorum.server.cli;

import io.quorum.adapters.csv.BarImport;
import io.quorum.adapters.csv.BarStream;
import io.quorum.adapters.csv.RowProblem;
import io.quorum.adapters.config.QuorumConfig;
import io.quorum.engine.backtest.BacktestConfig;
import io.quorum.engine.backtest.ReplayListener;
import io.quorum.engine.backtest.fill.ProtectionPolicy;
import io.quorum.engine.backtest.report.BacktestReport;
import io.quorum.engine.backtest.report.Headline;
import io.quorum.engine.backtest.strategy.StrategySpec;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.server.backtest.BacktestJob;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quorum backtest --data FILE.csv --ticker X --strategy sma-cross:10,30 [--single-agent] [--config FILE] --report DIR}:
 * replays bar files (the same formats and row checks as {@code quorum data import}) through a
 * strategy, its signals executed directly or voted on by the desk's five agents, and writes
 * report.json, trades.csv and report.html into DIR (with the desk's journal, journal.db). A file with a bad row is
 * refused whole, each bad row named by its line.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Replays CSV files of bars through the desk's vote (or a strategy alone, --single-agent) and writes report.json, trades.csv and report.html.")
public final class BacktestCommand implements Callable<Integer> {
    static final String JOURNAL_FILE = BacktestJob.JOURNAL_FILE;

    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, split = ",", paramLabel = "FILE.csv", description = "The bar files, one a ticker, separated by commas.")
    List<Path> files;

    @Option(names = "--ticker", required = true, split = ",", paramLabel = "X", description = "The tickers of the files, in the same order.")
    List<String> tickers;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "The first trading day replayed (default: the first in the files).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "The last trading day replayed (default: the last in the files).")
    LocalDate to;

    @Option(names = "--strategy", paramLabel = "NAME:PARAMS", defaultValue = "sma-cross:10,30",
            description = "The Technical signal: sma-cross:FAST,SLOW, ema-cross:FAST,SLOW, rsi-reversion:N,LOW,HIGH, breakout:N or macd:FAST,SLOW,SIGNAL (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--single-agent", description = "Execute the strategy's signals directly, with a fixed size, without the vote "
            + "(default: the five rule-based agents vote on each signal, and the run is journaled in DIR/" + JOURNAL_FILE + ").")
    boolean singleAgent;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The desk's configuration, as serve reads it (default: $QUORUM_CONFIG, else ./quorum.yml if there is one, else the defaults).")
    Path configFile;

    @Option(names = "--size", paramLabel = "SHARES", defaultValue = "100", description = "Shares each entry buys (default: ${DEFAULT-VALUE}).")
    long size;

    @Option(names = "--cash", paramLabel = "DOLLARS", defaultValue = "100000", description = "The starting cash (default: ${DEFAULT-VALUE}).")
    BigDecimal cash;

    @CommandLine.Mixin FillCostOptions fillCosts;

    @Option(names = "--stop-pct", paramLabel = "PCT", description = "A stop-loss this many per cent from each entry.")
    BigDecimal stopPct;

    @Option(names = "--target-pct", paramLabel = "PCT", description = "A take-profit target this many per cent from each entry.")
    BigDecimal targetPct;

    @Option(names = "--trail-pct", paramLabel = "PCT", description = "A trailing stop this many per cent from the best close.")
    BigDecimal trailPct;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "The seed of anything random; the same seed gives the same report (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--report", required = true, paramLabel = "DIR", description = "The folder the report is written to (created if needed).")
    Path reportFolder;

    private final Map<String, String> environment;

    public BacktestCommand() { this(System.getenv()); }

    BacktestCommand(Map<String, String> environment) { this.environment = environment; }

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (files.size() != tickers.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), files.size() + " files for " + tickers.size() + " tickers: give one ticker a file");
        }
        BacktestConfig config = config();
        List<BarStream.Ready> checked = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Optional<BarStream.Ready> file = check(files.get(i), ticker(tickers.get(i)), err);
            if (file.isEmpty()) return ExitStatus.FAULT_FOUND;
            checked.add(file.get());
        }
        BacktestJob job = new BacktestJob(config, checked, dataNames(), singleAgent ? Optional.empty() : Optional.of(deskSettings()), reportFolder);
        long total = job.totalBars();
        if (total == 0) throw new CommandFailure("no bars between " + (from == null ? "the start" : from) + " and " + (to == null ? "the end" : to));
        ProgressBar progress = System.console() == null ? null : new ProgressBar(err, total);
        ReplayListener listener = progress == null ? ReplayListener.NONE : (view, bar) -> progress.advanceTo(view.barsDone());
        BacktestReport report = job.run(listener, environment);
        if (progress != null) progress.finish();
        out.println(Headline.of(report));
        out.println("Report: " + reportFolder.resolve(BacktestJob.REPORT_HTML).toAbsolutePath() + " (with report.json and trades.csv)");
        if (!singleAgent) out.println("Journal: " + reportFolder.resolve(JOURNAL_FILE).toAbsolutePath() + " (quorum audit verify --db " + reportFolder.resolve(JOURNAL_FILE) + ")");
        out.flush();
        return ExitStatus.OK;
    }

    /** The desk's settings from the configuration; a configuration whose agents ask a language model is refused. */
    private DeskSettings deskSettings() {
        QuorumConfig desk = DeskMarketOptions.configuration(configFile, environment);
        BacktestJob.refusalOfDesk(desk.llm().provider()).ifPresent(refusal -> {
            throw new CommandFailure(refusal + "; remove the llm section or give another --config");
        });
        return DeskMarketOptions.deskSettings(desk);
    }

    private BacktestConfig config() {
        try {
            return new BacktestConfig(Money.of(cash), size, StrategySpec.parse(strategy), fillCosts.costs(),
                    new ProtectionPolicy(stopPct, targetPct, trailPct), seed);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Ticker ticker(String symbol) {
        try {
            return Ticker.of(symbol);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ticker: " + e.getMessage());
        }
    }

    /**
     * The file checked whole, its bars between --from and --to counted but not held, so that the
     * replay streams them; empty when the file is refused (its problems told on {@code err}).
     */
    private Optional<BarStream.Ready> check(Path file, Ticker ticker, PrintWriter err) {
        if (!Files.isRegularFile(file)) throw new CommandFailure("no file at " + file.toAbsolutePath());
        return switch (BacktestJob.checked(file, ticker, from, to)) {
            case BarImport.Refused refused -> {
                for (RowProblem problem : refused.problems()) err.println(file + ": " + problem);
                err.println("Nothing replayed: " + file + ": " + refused.reason());
                err.flush();
                yield Optional.empty();
            }
            case BarStream.Ready ready -> Optional.of(ready);
        };
    }

    private String dataNames() {
        List<String> names = new ArrayList<>();
        for (Path file : files) names.add(file.getFileName().toString());
        return String.join(",", names);
    }
}
