package io.quorum.server.cli;

import io.quorum.adapters.config.QuorumConfig;
import io.quorum.engine.desk.Desk;
import io.quorum.engine.desk.DeskListener;
import io.quorum.engine.desk.DeskSession;
import io.quorum.engine.desk.TickerRefusedException;
import io.quorum.engine.desk.WatchlistChange;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Update;
import io.quorum.engine.position.PnlSummary;
import io.quorum.engine.position.Position;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.session.StopReason;
import io.quorum.server.wiring.DeskBus;
import io.quorum.server.wiring.EmbeddedDesk;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The headless desk: one session in the terminal, the agents' conversation as it happens, a summary at the end. */
@Command(name = "desk", mixinStandardHelpOptions = true,
        description = "Run the trading desk in the terminal, on the simulated market or the market data --config names, and print the agents' conversation.")
public final class DeskCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--ticker", required = true, description = "Ticker to trade, e.g. AAPL (simulated: AAPL, MSFT, NVDA, TSLA, SPY).")
    String ticker;

    @CommandLine.Mixin DeskMarketOptions market;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--watch", split = ",", paramLabel = "<ticker>",
            description = "More tickers for the session to watch and trade beside --ticker, each with its five agents, e.g. MSFT,NVDA.")
    List<String> watch = List.of();

    @Option(names = "--duration", description = "How much market time to run, e.g. 30m, 2h, 1d (default: until Ctrl-C).", converter = DurationConverter.class)
    Duration duration;

    @Option(names = "--auto-approve", description = "Approve the proposal and switch auto-trading on without asking.")
    boolean autoApprove;

    @Option(names = "--db", paramLabel = "<file or jdbc-url>",
            description = "The journal: a SQLite file, jdbc:sqlite:FILE or jdbc:postgresql://host:5432/db?user=… (default: a temporary file, discarded at exit).")
    String database;

    @Option(names = "--broker-db", description = "The paper broker's account file (default: paper-broker.db beside --db; a temporary file without --db).")
    Path brokerDatabase;

    private final PrintStream out = System.out;

    @Override public Integer call() throws Exception {
        QuorumConfig config = market.configuration(System.getenv());
        Ticker symbol;
        try {
            symbol = Ticker.of(ticker);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ticker: " + e.getMessage());
        }
        boolean colour = System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        ConversationPrinter printer = new ConversationPrinter(out, colour, java.time.ZoneId.of("America/New_York"));
        Map<Outcome, AtomicInteger> outcomes = new EnumMap<>(Outcome.class);
        AtomicInteger trades = new AtomicInteger();
        JournalLocation journal = database == null ? null : JournalLocation.parse(database, null);
        Path brokerFile = brokerDatabase != null ? brokerDatabase : journal != null ? journal.file().map(DataFolder::brokerFileBeside).orElse(null) : null;
        try (EmbeddedDesk embedded = market.open(config, System.getenv(), journal == null ? null : journal.jdbcUrl(), brokerFile, DeskBus.inProcess())) {
            Desk desk = embedded.desk();
            desk.addListener(new DeskListener() {
                @Override public void sessionOpened(DeskSession session) {
                    desk.bus().observe(session.id(), message -> {
                        printer.print(message);
                        count(message, outcomes, trades);
                    });
                }

                @Override public void problem(io.quorum.engine.message.SessionId session, String problem) { printer.note("! " + problem); }
            });
            Instant started = embedded.clock().now();
            printer.note("Quorum desk. " + market.describe(config) + ". Market time "
                    + started.atZone(java.time.ZoneId.of("America/New_York")).toLocalDateTime() + " New York.");
            embedded.start();
            DeskSession session;
            try {
                session = desk.open(symbol, "cli");
            } catch (TickerRefusedException refused) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--ticker: " + refused.getMessage());
            }
            for (String more : watch) watch(session, more, printer);

            CountDownLatch stopped = new CountDownLatch(1);
            AtomicReference<Boolean> summarised = new AtomicReference<>(false);
            Thread hook = new Thread(() -> {
                summarise(printer, desk, session, outcomes, trades, summarised);
                stopped.countDown();
            });
            Runtime.getRuntime().addShutdownHook(hook);

            if (!awaitProposalAndAnswer(session, printer)) return 1;
            Instant nextReport = embedded.clock().now().plus(Duration.ofMinutes(30));
            while (duration == null || embedded.clock().now().isBefore(started.plus(duration))) {
                if (session.state() == SessionState.STOPPED) break;
                Thread.sleep(100);
                if (!embedded.clock().now().isBefore(nextReport)) {
                    report(printer, desk, session);
                    nextReport = embedded.clock().now().plus(Duration.ofMinutes(30));
                }
            }
            session.stop(StopReason.USER, "cli");
            Thread.sleep(200);
            summarise(printer, desk, session, outcomes, trades, summarised);
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        return 0;
    }

    /** Adds {@code symbol} to the session's watchlist, or says why the desk would not. */
    private void watch(DeskSession session, String symbol, ConversationPrinter printer) {
        Ticker added;
        try {
            added = Ticker.of(symbol.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--watch: " + e.getMessage());
        }
        try {
            if (session.watch(added, "cli") instanceof WatchlistChange.Refused refused) printer.note("! not watching " + added + ": " + refused.reason());
        } catch (TickerRefusedException refused) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--watch: " + refused.getMessage());
        }
    }

    private boolean awaitProposalAndAnswer(DeskSession session, ConversationPrinter printer) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (true) {
            while (session.state() != SessionState.PROPOSAL) {
                if (session.state() == SessionState.STOPPED) return false;
                Thread.sleep(50);
            }
            Proposal proposal = session.proposal().orElseThrow();
            printer.note("");
            printer.note("PROPOSAL  " + proposal.text() + "  (size " + proposal.size() + ")");
            printer.note("          " + proposal.rationale());
            session.analysisDecision().ifPresent(d -> printer.note("          The desk voted: " + d.outcome()));
            if (autoApprove) {
                printer.note("Auto-approved; auto-trading switched on.");
                session.approve(proposal.id(), "cli");
                session.enableAutoTrading("cli");
                return true;
            }
            out.print("Approve this trade and hand the desk trading authority within its limits? [y/n] ");
            out.flush();
            String answer = in.readLine();
            if (answer == null) {
                printer.note("No answer (standard input closed): nothing approved. Use --auto-approve to run unattended.");
                session.stop(StopReason.USER, "cli");
                return false;
            }
            if (answer.trim().toLowerCase().startsWith("y")) {
                session.approve(proposal.id(), "cli");
                session.enableAutoTrading("cli");
                return true;
            }
            out.print("What is wrong with it? ");
            out.flush();
            String reason = in.readLine();
            session.reject(proposal.id(), reason == null || reason.isBlank() ? "no reason given" : reason.trim(), "cli");
        }
    }

    private static void count(AgentMessage message, Map<Outcome, AtomicInteger> outcomes, AtomicInteger trades) {
        if (message.content() instanceof Decision d) outcomes.computeIfAbsent(d.outcome(), o -> new AtomicInteger()).incrementAndGet();
        if (message.content() instanceof Update u && u.kind() == Update.UpdateKind.TRADE_EXECUTED) trades.incrementAndGet();
    }

    private static void report(ConversationPrinter printer, Desk desk, DeskSession session) {
        for (Position position : desk.positions(session.id())) {
            printer.note("POSITION  " + position.ticker() + " " + position.direction() + " " + position.quantity() + " @ " + position.averageEntry().setScale(2, java.math.RoundingMode.HALF_EVEN)
                    + ", last " + position.lastPrice() + ", unrealised $" + position.unrealised() + " (" + position.unrealisedPct() + "%)");
        }
        PnlSummary pnl = desk.pnl(session.id());
        printer.note("P&L       daily $" + pnl.daily() + ", realised $" + pnl.realised() + ", unrealised $" + pnl.unrealised() + ", total $" + pnl.total()
                + "; equity $" + desk.equity());
    }

    private static void summarise(ConversationPrinter printer, Desk desk, DeskSession session, Map<Outcome, AtomicInteger> outcomes,
            AtomicInteger trades, AtomicReference<Boolean> summarised) {
        if (!summarised.compareAndSet(false, true)) return;
        printer.note("");
        String watched = session.watchlist().size() == 1 ? "" : " (watching " + String.join(", ", session.watchlist().stream().map(Ticker::symbol).toList()) + ")";
        printer.note("SUMMARY   session " + session.id() + " on " + session.ticker() + watched + ", " + session.state()
                + session.stopReason().map(r -> " (" + r.code() + ")").orElse(""));
        report(printer, desk, session);
        printer.note("Trades    " + trades.get());
        StringBuilder decisions = new StringBuilder("Decisions ");
        if (outcomes.isEmpty()) decisions.append("none");
        outcomes.forEach((outcome, count) -> decisions.append(outcome).append(' ').append(count.get()).append("  "));
        printer.note(decisions.toString().trim());
    }
}
