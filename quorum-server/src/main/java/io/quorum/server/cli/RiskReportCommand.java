package io.quorum.server.cli;

import io.quorum.adapters.config.QuorumConfig;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.JdbcJournal;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.portfolio.DailyHistory;
import io.quorum.engine.portfolio.Portfolio;
import io.quorum.engine.portfolio.RiskReport;
import io.quorum.engine.portfolio.RiskSettings;
import io.quorum.engine.position.Position;
import io.quorum.engine.position.Protection;
import io.quorum.engine.time.SystemClock;

import io.quorum.server.wiring.AccountViews;
import io.quorum.server.wiring.DeskBus;
import io.quorum.server.wiring.EmbeddedDesk;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quorum risk report}: the account's portfolio, VaR, Expected Shortfall, stress results and
 * correlations, as {@code GET /api/portfolio} and {@code GET /api/risk} give them, for positions in a
 * file or a journaled session's, priced on the configured market.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Prints the portfolio, VaR and ES at 95% and 99% (historical and parametric), the stress results and the correlations.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:reported", "2:bad arguments, a file or database that cannot be read, or a ticker without a price"})
public final class RiskReportCommand implements Callable<Integer> {
    static final long MAX_SHARES = 1_000_000_000L;

    @Spec CommandSpec spec;
    @Mixin DeskMarketOptions market;
    @Mixin DatabaseOption database;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--positions", paramLabel = "FILE",
                description = "A CSV of positions: ticker,shares[,price[,stop]] per line, shares negative for a short, a line starting with # ignored; "
                        + "without a price, the market's last daily close.")
        Path positions;

        @Option(names = "--session", paramLabel = "<id>", converter = CliConverters.SessionIdConverter.class,
                description = "The open positions of this session, as its journal (--db) last recorded them.")
        SessionId session;
    }

    @Option(names = "--cash", defaultValue = "100000", paramLabel = "<dollars>", description = "The account's cash beside the positions (default: ${DEFAULT-VALUE}).")
    BigDecimal cash;

    private final Map<String, String> environment;

    public RiskReportCommand() { this(System.getenv()); }

    RiskReportCommand(Map<String, String> environment) { this.environment = Objects.requireNonNull(environment, "environment"); }

    /** A position to measure: signed shares, with its price and stop when known. */
    record Row(SessionId session, Ticker ticker, long shares, Price price, Price stop) {}

    @Override public Integer call() {
        try {
            if (cash.scale() > 2 || cash.signum() < 0 || cash.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
                throw new CommandFailure("--cash must be from 0 to 1000000000000 with at most 2 decimals, was " + cash.toPlainString());
            }
            if (source.positions != null) return report(readPositions(source.positions));
            List<List<Row>> journaled = new ArrayList<>();
            int status = database.run(environment, spec.commandLine().getErr(), opened -> {
                journaled.add(journaledPositions(opened, source.session));
                return ExitStatus.OK;
            });
            return status == ExitStatus.OK ? report(journaled.getFirst()) : status;
        } catch (CommandFailure failure) {
            spec.commandLine().getErr().println("quorum: " + failure.getMessage());
            return ExitStatus.CANNOT_RUN;
        }
    }

    private int report(List<Row> rows) {
        QuorumConfig config = market.configuration(environment);
        RiskSettings settings = config.risk();
        DailyHistory history = new DailyHistory(settings.historyDays());
        List<Position> positions = new ArrayList<>();
        try (EmbeddedDesk desk = market.open(config, environment, null, null, DeskBus.inProcess())) {
            MarketDataFeed feed = desk.desk().ports().market();
            Map<Ticker, List<Bar>> barsByTicker = new TreeMap<>();
            for (Row row : rows) {
                List<Bar> bars = barsByTicker.computeIfAbsent(row.ticker(), ticker -> feed.history(ticker, MarketDataFeed.DAILY, settings.historyDays() + 1));
                String sector = desk.desk().ports().fundamentals().fundamentals(row.ticker()).map(Fundamentals::sector).orElse(Portfolio.UNKNOWN_SECTOR);
                history.remember(row.ticker(), bars, sector);
                Price price = row.price() != null ? row.price() : bars.isEmpty() ? null : Price.ofMicros(bars.getLast().closeMicros());
                if (price == null) throw new CommandFailure("no price for " + row.ticker() + ": give one in the file, the market has no history of it");
                positions.add(position(row, price));
            }
        }
        Portfolio portfolio = Portfolio.of(Money.of(cash), positions, history.sectors());
        RiskReport report = RiskReport.measure(portfolio, history.model(), settings);
        spec.commandLine().getOut().print(RiskReportText.of(AccountViews.portfolio(portfolio), AccountViews.risk(report, settings.limits())));
        spec.commandLine().getOut().flush();
        return ExitStatus.OK;
    }

    private static Position position(Row row, Price price) {
        long quantity = Math.abs(row.shares());
        return new Position(row.session(), row.ticker(), row.shares() > 0 ? Direction.LONG : Direction.SHORT, quantity, price.times(quantity),
                price.toBigDecimal(), new Protection(row.stop(), null, null), null, price, Instant.EPOCH, price, Money.ZERO, Money.ZERO, false);
    }

    static List<Row> readPositions(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
        }
        SessionId fileSession = SessionId.of("00000000-0000-0000-0000-000000000000");
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#") || (n == 0 && line.toLowerCase(Locale.ROOT).startsWith("ticker"))) continue;
            String[] fields = line.split(",", -1);
            try {
                if (fields.length < 2 || fields.length > 4) throw new IllegalArgumentException("expected ticker,shares[,price[,stop]]");
                long shares = Long.parseLong(fields[1].strip());
                if (shares == 0 || Math.abs(shares) > MAX_SHARES) throw new IllegalArgumentException("shares must be non-zero and at most " + MAX_SHARES + " either way");
                rows.add(new Row(fileSession, Ticker.of(fields[0]), shares, optionalPrice(fields, 2), optionalPrice(fields, 3)));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new CommandFailure(file.getFileName() + " line " + (n + 1) + ": " + e.getMessage());
            }
        }
        if (rows.isEmpty()) throw new CommandFailure(file.getFileName() + " holds no position");
        return rows;
    }

    private static Price optionalPrice(String[] fields, int index) {
        if (fields.length <= index || fields[index].isBlank()) return null;
        BigDecimal dollars = new BigDecimal(fields[index].strip());
        if (dollars.scale() > 6 || dollars.compareTo(BigDecimal.valueOf(1_000_000)) > 0) throw new IllegalArgumentException("a price is at most 1000000 with 6 decimals, was " + fields[index].strip());
        return Price.of(dollars);
    }

    /** The session's positions as its last PositionChanged per ticker left them; closed ones (quantity 0) are gone. */
    private static List<Row> journaledPositions(Database opened, SessionId session) {
        Map<Ticker, JournalEvent.PositionChanged> last = new LinkedHashMap<>();
        try (JdbcJournal journal = new JdbcJournal(opened, DecisionsExportCommand.readOnlyKey(), SystemClock.INSTANCE)) {
            for (JournalEntry entry : journal.read(session, 0, Integer.MAX_VALUE)) {
                if (entry.event() instanceof JournalEvent.PositionChanged changed) last.put(changed.ticker(), changed);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (JournalEvent.PositionChanged changed : last.values()) {
            if (changed.quantity() != 0) rows.add(new Row(session, changed.ticker(), changed.quantity(), null, changed.stop()));
        }
        if (rows.isEmpty()) throw new CommandFailure("session " + session.value() + " holds no position in the journal");
        return rows;
    }
}
