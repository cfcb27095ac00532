package io.quorum.server.cli;

import io.quorum.adapters.csv.BarImport;
import io.quorum.adapters.csv.BarStream;
import io.quorum.adapters.csv.RowProblem;
import io.quorum.adapters.config.QuorumConfig;
import io.quorum.adapters.llm.LlmProvider;
import io.quorum.engine.backtest.BacktestConfig;
import io.quorum.engine.backtest.LlmAnswers;
import io.quorum.engine.backtest.ReplayListener;
import io.quorum.engine.backtest.fill.ProtectionPolicy;
import io.quorum.engine.backtest.report.BacktestReport;
import io.quorum.engine.backtest.report.Headline;
import io.quorum.engine.backtest.strategy.StrategySpec;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.server.backtest.BacktestJob;
import io.quorum.server.backtest.BacktestModel;
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

    @Option(names = "--llm-answers", paramLabel = "live|cached|recorded",
            description = "With an llm section in the configuration, where the model's answers come from: live (every question asked of the model, its latency "
                    + "counted in replay time), cached (answers from the answers file, a prompt not in it asked and added, so a rerun asks nothing) or "
                    + "recorded (only the file's answers; a prompt not in it falls back to the role's rules) (default: cached).")
    String llmAnswers;

    @Option(names = "--llm-cache", paramLabel = "FILE",
            description = "The answers file the model's answers are kept in, by prompt hash (default: DIR/" + BacktestJob.ANSWERS_FILE + ").")
    Path answersFile;

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
        Optional<DeskSettings> desk = Optional.empty();
        Optional<BacktestModel> model = Optional.empty();
        if (!singleAgent) {
            QuorumConfig configuration = DeskMarketOptions.configuration(configFile, environment);
            desk = Optional.of(DeskMarketOptions.deskSettings(configuration));
            model = model(configuration);
        } else if (llmAnswers != null || answersFile != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--llm-answers and --llm-cache are for the desk's agents: a --single-agent run asks no model");
        }
        BacktestJob job = new BacktestJob(config, checked, dataNames(), desk, reportFolder, model);
        long total = job.totalBars();
        if (total == 0) throw new CommandFailure("no bars between " + (from == null ? "the start" : from) + " and " + (to == null ? "the end" : to));
        ProgressBar progress = System.console() == null ? null : new ProgressBar(err, total);
        ReplayListener listener = progress == null ? ReplayListener.NONE : (view, bar) -> progress.advanceTo(view.barsDone());
        BacktestReport report = job.run(listener, environment);
        if (progress != null) progress.finish();
        out.println(Headline.of(report));
        Headline.models(report).ifPresent(out::println);
        out.println("Report: " + reportFolder.resolve(BacktestJob.REPORT_HTML).toAbsolutePath() + " (with report.json and trades.csv)");
        if (!singleAgent) out.println("Journal: " + reportFolder.resolve(JOURNAL_FILE).toAbsolutePath() + " (quorum audit verify --db " + reportFolder.resolve(JOURNAL_FILE) + ")");
        job.model().ifPresent(used -> out.println("Answers: " + used.answersFile().toAbsolutePath() + " (" + used.answers().configName() + ")"));
        out.flush();
        return ExitStatus.OK;
    }

    /** The model of the configuration's {@code llm} section, with its answers as --llm-answers and --llm-cache say; empty without one. */
    private Optional<BacktestModel> model(QuorumConfig configuration) {
        if (configuration.llm().provider() == LlmProvider.NONE) {
            if (llmAnswers != null || answersFile != null) {
                throw new CommandFailure("--llm-answers and --llm-cache are for agents that ask a language model, and the configuration has no llm section");
            }
            return Optional.empty();
        }
        LlmAnswers answers;
        try {
            answers = llmAnswers == null ? LlmAnswers.CACHED : LlmAnswers.parse(llmAnswers);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--llm-answers: " + e.getMessage());
        }
        BacktestModel model = new BacktestModel(configuration.llm(), answers, answersFile == null ? reportFolder.resolve(BacktestJob.ANSWERS_FILE) : answersFile);
        model.refusal().ifPresent(refusal -> {
            throw new CommandFailure(refusal);
        });
        return Optional.of(model);
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
