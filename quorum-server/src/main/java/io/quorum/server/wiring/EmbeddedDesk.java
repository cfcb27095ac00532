package io.quorum.server.wiring;

import io.quorum.adapters.jdbc.AuditKey;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.JdbcJournal;
import io.quorum.adapters.jdbc.Schema;
import io.quorum.adapters.jdbc.paper.JdbcPaperAccountStore;
import io.quorum.engine.broker.CommissionSchedule;
import io.quorum.engine.broker.PaperBroker;
import io.quorum.engine.broker.PaperBrokerConfig;
import io.quorum.engine.bus.InMemoryMessageBus;
import io.quorum.engine.desk.Desk;
import io.quorum.engine.desk.DeskPorts;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.port.Journal;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.simulation.SimulatedClock;
import io.quorum.engine.simulation.SimulatedFundamentals;
import io.quorum.engine.simulation.SimulatedMarket;
import io.quorum.engine.store.ObservableJournal;
import io.quorum.engine.time.SystemClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The desk on its embedded defaults, wired by hand: a simulated market on a simulated clock, a
 * paper broker with its account in its own SQLite file, the in-process bus and a journal in
 * another SQLite file. Nothing to configure, no key. The two files stand for two parties: the
 * journal is the desk's memory, the broker's file what an external broker would hold.
 */
public final class EmbeddedDesk implements AutoCloseable {
    public static final Money STARTING_CASH = Money.ofDollars(100_000);

    private final SimulatedClock clock;
    private final SimulatedMarket market;
    private final PaperBroker broker;
    private final Database brokerDatabase;
    private final JdbcPaperAccountStore account;
    private final Database database;
    private final ObservableJournal journal;
    private final Desk desk;
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private final Reasoner reasoner;

    /**
     * @param seed      the market's random seed: the same seed gives the same prices and news
     * @param speed     market seconds per wall second (60: an hour a minute)
     * @param database    where the journal lives; null keeps it in a temporary file
     * @param brokerFile  where the paper broker keeps its account; null keeps it in a temporary file
     */
    public EmbeddedDesk(long seed, double speed, Path database, Path brokerFile, DeskSettings settings) {
        this(seed, speed, openDatabase(database, "quorum-", Schema.JOURNAL), brokerFile, settings, Reasoner.RULES_ONLY);
    }

    /**
     * The desk on the journal at {@code journalUrl} ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…}),
     * created there when it is new. A SQLite file's folder is made when missing.
     */
    public static EmbeddedDesk onJournal(String journalUrl, long seed, double speed, Path brokerFile, DeskSettings settings) {
        return onJournal(journalUrl, seed, speed, brokerFile, settings, Reasoner.RULES_ONLY);
    }

    /** As {@link #onJournal(String, long, double, Path, DeskSettings)}, with a language model that may vote for the agents; the desk closes it. */
    public static EmbeddedDesk onJournal(String journalUrl, long seed, double speed, Path brokerFile, DeskSettings settings, Reasoner reasoner) {
        return new EmbeddedDesk(seed, speed, openJournal(journalUrl), brokerFile, settings, reasoner);
    }

    private static Database openJournal(String journalUrl) {
        if (journalUrl.startsWith("jdbc:sqlite:")) return openDatabase(Database.sqliteFile(journalUrl), "quorum-", Schema.JOURNAL);
        return Database.open(journalUrl, null, null, Schema.JOURNAL);
    }

    private EmbeddedDesk(long seed, double speed, Database journalDatabase, Path brokerFile, DeskSettings settings, Reasoner reasoner) {
        this.reasoner = reasoner;
        // The journal is opened first, because a restarted desk's market time goes on from its last entry instead of jumping back.
        AtomicReference<SimulatedClock> marketClock = new AtomicReference<>();
        this.database = journalDatabase;
        this.journal = new ObservableJournal(new JdbcJournal(this.database, AuditKey.resolve(System.getenv(), this.database.defaultAuditKeyFile()),
                () -> marketClock.get().now(), JdbcJournal.DEFAULT_MAX_BATCH, this.database.defaultAnchorFile()));
        Instant start = latest(SimulatedClock.defaultStart(Instant.now()), lastJournalTime(journal));
        this.clock = new SimulatedClock(start, speed, SystemClock.INSTANCE);
        marketClock.set(clock);
        this.market = SimulatedMarket.builder(clock).seed(seed).start(start).build();
        ExchangeCalendar calendar = market.calendar();
        PaperBrokerConfig brokerConfig = new PaperBrokerConfig(STARTING_CASH, 2, new CommissionSchedule.PerShare(Money.parse("0.005"), Money.parse("1.00")));
        this.brokerDatabase = openDatabase(brokerFile, "paper-broker-", Schema.PAPER_BROKER);
        this.account = new JdbcPaperAccountStore(brokerDatabase, brokerConfig.startingCash());
        this.broker = new PaperBroker(clock, calendar, brokerConfig, account);
        // The broker sees every tick before the desk does, so that an exit fills at the price that triggered it.
        for (Ticker ticker : market.tickers()) subscriptions.add(market.subscribe(ticker, broker::onTick, bar -> { }));
        this.desk = new Desk(new DeskPorts(clock, SystemClock.INSTANCE, calendar, market, market.newsFeed(), new SimulatedFundamentals(), broker, journal,
                InMemoryMessageBus::new, reasoner), settings);
    }

    private static Instant lastJournalTime(Journal journal) {
        Instant last = Instant.EPOCH;
        for (SessionId session : journal.sessions()) {
            long seq = journal.lastSeq(session);
            for (JournalEntry entry : journal.read(session, seq - 1, 1)) last = latest(last, entry.time());
        }
        return last;
    }

    private static Instant latest(Instant a, Instant b) { return a.isAfter(b) ? a : b; }

    private static Database openDatabase(Path file, String temporaryPrefix, Schema schema) {
        try {
            Path path = file != null ? file : Files.createTempFile(temporaryPrefix, ".db");
            if (file == null) {
                Files.delete(path);
                path.toFile().deleteOnExit();
            }
            Files.createDirectories(path.toAbsolutePath().getParent());
            return Database.openFile(path, schema);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot prepare the " + schema.name().toLowerCase(java.util.Locale.ROOT) + " file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Restores what the journal holds (sessions, positions, stops), then starts the market moving. */
    public void start() {
        desk.recover();
        market.start();
    }

    public Desk desk() { return desk; }

    public SimulatedClock clock() { return clock; }

    public SimulatedMarket market() { return market; }

    public PaperBroker broker() { return broker; }

    public ObservableJournal journal() { return journal; }

    public Database database() { return database; }

    /** The paper broker's own database, apart from the journal's. */
    public Database brokerDatabase() { return brokerDatabase; }

    @Override public void close() {
        market.close();
        desk.close();
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // Closing a subscription of a closed market cannot fail in a way worth reporting at shutdown.
            }
        }
        journal.close();
        database.close();
        account.close();
        brokerDatabase.close();
        if (reasoner instanceof AutoCloseable model) {
            try {
                model.close();
            } catch (Exception ignored) {
                // The model's threads are daemons; a failure to stop them cannot outlive the process.
            }
        }
    }
}
