package io.quorum.server.backtest;

import io.quorum.adapters.csv.BadRows;
import io.quorum.adapters.csv.BarStream;
import io.quorum.adapters.csv.CsvBarReader;
import io.quorum.adapters.jdbc.AuditKey;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.JdbcJournal;
import io.quorum.adapters.llm.LlmReplayModel;
import io.quorum.engine.backtest.Backtest;
import io.quorum.engine.backtest.BacktestConfig;
import io.quorum.engine.backtest.BacktestRun;
import io.quorum.engine.backtest.MergedBars;
import io.quorum.engine.backtest.ReplayListener;
import io.quorum.engine.backtest.desk.DeskVotes;
import io.quorum.engine.backtest.report.BacktestReport;
import io.quorum.engine.backtest.report.ReportHtml;
import io.quorum.engine.backtest.report.ReportJson;
import io.quorum.engine.backtest.report.TradesCsv;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.time.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One backtest as both the {@code quorum backtest} command and {@code POST /api/backtests} run it:
 * checked bar files replayed through the strategy alone ({@code desk} empty) or through the desk's
 * five agents, journaled in {@value #JOURNAL_FILE} in the report folder, and the report written
 * there as {@value #REPORT_JSON}, {@value #TRADES_CSV} and {@value #REPORT_HTML}. The agents a
 * language model speaks for ({@code model}) ask it through the live desk's reasoner, their answers
 * live, cached or recorded in an answers file.
 *
 * @param data      the files, checked whole, their bars between the dates counted but not held
 * @param dataNames what the report names as its data
 * @param desk      the desk's settings when the agents vote; empty for a single-agent run
 * @param model     the language model of the desk's agents, when its configuration has one
 */
public record BacktestJob(BacktestConfig config, List<BarStream.Ready> data, String dataNames, Optional<DeskSettings> desk, Path reportFolder,
                          Optional<BacktestModel> model) {
    public static final String JOURNAL_FILE = "journal.db";
    public static final String REPORT_JSON = "report.json";
    public static final String TRADES_CSV = "trades.csv";
    public static final String REPORT_HTML = "report.html";
    /** Where a backtest keeps its model's answers, in its report folder, unless told another file. */
    public static final String ANSWERS_FILE = "llm-answers.jsonl";

    public BacktestJob {
        data = List.copyOf(data);
        if (model.isPresent() && desk.isEmpty()) throw new IllegalArgumentException("model: only the desk's agents ask a model, not a single-agent run");
    }

    /** A backtest whose agents reason by their rules. */
    public BacktestJob(BacktestConfig config, List<BarStream.Ready> data, String dataNames, Optional<DeskSettings> desk, Path reportFolder) {
        this(config, data, dataNames, desk, reportFolder, Optional.empty());
    }

    /** A file's bars between {@code from} and {@code to} (either null: no bound), with the import's row checks; a file with a bad row is refused whole. */
    public static BarStream checked(Path file, Ticker ticker, LocalDate from, LocalDate to) {
        return CsvBarReader.nyse().stream(file, ticker, BadRows.REFUSE_FILE, start -> {
            LocalDate day = ExchangeCalendar.NYSE.tradingDate(start);
            return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        });
    }

    public long totalBars() {
        long total = 0;
        for (BarStream.Ready file : data) total += file.barCount();
        return total;
    }

    /** Replays the bars, telling {@code listener} after each, and writes the report; the audit key comes from {@code environment} as the desk's does. */
    public BacktestReport run(ReplayListener listener, Map<String, String> environment) {
        List<Iterator<Bar>> streams = new ArrayList<>();
        for (BarStream.Ready file : data) streams.add(file.bars());
        BacktestReport report = desk.isPresent() ? deskRun(desk.get(), listener, streams, environment)
                : BacktestReport.of(new Backtest(config, listener).run(new MergedBars(streams)), dataNames);
        write(report);
        return report;
    }

    /**
     * The desk's replay: the agents vote on replay time, and everything they say is journaled in a
     * new journal in the report folder, chained with the audit key ($QUORUM_AUDIT_KEY, or the key
     * file beside it), so that {@code quorum audit verify} checks it like a live desk's.
     */
    private BacktestReport deskRun(DeskSettings settings, ReplayListener listener, List<Iterator<Bar>> streams, Map<String, String> environment) {
        Path journalFile = reportFolder.resolve(JOURNAL_FILE);
        ManualClock clock = Backtest.replayClock();
        try {
            Files.createDirectories(reportFolder);
            Files.deleteIfExists(journalFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a new journal at " + journalFile.toAbsolutePath(), e);
        }
        try (Database database = Database.openFile(journalFile);
             JdbcJournal journal = new JdbcJournal(database, AuditKey.resolve(environment, database.defaultAuditKeyFile()), clock)) {
            if (model.isEmpty()) {
                BacktestRun run = new Backtest(config, listener, clock, new DeskVotes(clock, journal, settings, config.strategy())).run(new MergedBars(streams));
                return BacktestReport.of(run, dataNames);
            }
            try (LlmReplayModel replayed = model.get().open(environment)) {
                BacktestRun run = new Backtest(config, listener, clock, new DeskVotes(clock, journal, settings, config.strategy(), replayed)).run(new MergedBars(streams));
                return BacktestReport.of(run, dataNames).withAnswersFile(replayed.use());
            }
        }
    }

    private void write(BacktestReport report) {
        try {
            Files.createDirectories(reportFolder);
            Files.writeString(reportFolder.resolve(REPORT_JSON), ReportJson.write(report), StandardCharsets.UTF_8);
            Files.writeString(reportFolder.resolve(TRADES_CSV), TradesCsv.write(report), StandardCharsets.UTF_8);
            Files.writeString(reportFolder.resolve(REPORT_HTML), ReportHtml.write(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + reportFolder.toAbsolutePath(), e);
        }
    }
}
