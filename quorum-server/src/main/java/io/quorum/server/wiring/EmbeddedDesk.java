package io.quorum.server.wiring;

import io.quorum.adapters.config.ConfiguredFeeds;
import io.quorum.adapters.jdbc.AuditKey;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.JdbcBarStore;
import io.quorum.adapters.jdbc.JdbcJournal;
import io.quorum.adapters.jdbc.Schema;
import io.quorum.adapters.jdbc.paper.JdbcPaperAccountStore;
import io.quorum.engine.broker.CommissionSchedule;
import io.quorum.engine.broker.PaperBroker;
import io.quorum.engine.broker.PaperBrokerConfig;
import io.quorum.engine.desk.Desk;
import io.quorum.engine.desk.DeskPorts;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.port.Broker;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.FundamentalsProvider;
import io.quorum.engine.port.Journal;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.port.OrchestratorLease;
import io.quorum.engine.port.NewsFeed;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.simulation.SimulatedClock;
import io.quorum.engine.simulation.SimulatedFundamentals;
import io.quorum.engine.simulation.SimulatedMarket;
import io.quorum.engine.store.ObservableJournal;
import io.quorum.engine.time.SystemClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The desk wired by hand: a paper broker with its account in its own SQLite file (or a venue's
 * broker, on configured feeds), the in-process bus (or Redis Streams), a journal in another SQLite
 * file (or PostgreSQL), and a market. By default the market is
 * simulated on a simulated clock: nothing to configure, no key. On {@link #onFeeds configured
 * feeds} (Yahoo Finance, CSV files) it runs on the wall clock. The two files stand for two
 * parties: the journal is the desk's memory, the broker's file what an external broker would hold.
 */
public final class EmbeddedDesk implements AutoCloseable {
    public static final Money STARTING_CASH = Money.ofDollars(100_000);
    private static final PaperBrokerConfig BROKER = new PaperBrokerConfig(STARTING_CASH, 2,
            new CommissionSchedule.PerShare(Money.parse("0.005"), Money.parse("1.00")));

    private final Market market;
    private final OpenBroker broker;
    private final Database database;
    private final ObservableJournal journal;
    private final Desk desk;
    private final Reasoner reasoner;
    private final OrchestratorLease lease;

    /**
     * Where the desk's prices, news and valuation facts come from, on whose clock, and how the
     * market is started and stopped.
     */
    private record Market(Clock clock, MarketDataFeed feed, NewsFeed news, FundamentalsProvider fundamentals, ExchangeCalendar calendar,
                          Runnable start, Runnable close) {}

    /** The broker as opened: the port, the feed the desk watches through it, and how it is let go of. */
    private record OpenBroker(Broker broker, MarketDataFeed deskFeed, Runnable close) {}

    /**
     * @param seed      the market's random seed: the same seed gives the same prices and news
     * @param speed     market seconds per wall second (60: an hour a minute)
     * @param database    where the journal lives; null keeps it in a temporary file
     * @param brokerFile  where the paper broker keeps its account; null keeps it in a temporary file
     */
    public EmbeddedDesk(long seed, double speed, Path database, Path brokerFile, DeskSettings settings) {
        this(seed, speed, database, brokerFile, settings, DeskBus.inProcess());
    }

    /** As {@link #EmbeddedDesk(long, double, Path, Path, DeskSettings)}, the agents talking on the bus {@code bus} makes. */
    public EmbeddedDesk(long seed, double speed, Path database, Path brokerFile, DeskSettings settings, DeskBus bus) {
        this(openDatabase(database, "quorum-", Schema.JOURNAL), simulated(seed, speed), new BrokerChoice.Paper(brokerFile), settings, Reasoner.RULES_ONLY, bus);
    }

    /** As {@link #EmbeddedDesk(long, double, Path, Path, DeskSettings)}, with the orders going to {@code broker}. */
    public static EmbeddedDesk onSimulatedMarket(long seed, double speed, Path database, BrokerChoice broker, DeskSettings settings) {
        return new EmbeddedDesk(openDatabase(database, "quorum-", Schema.JOURNAL), simulated(seed, speed), broker, settings, Reasoner.RULES_ONLY, DeskBus.inProcess());
    }

    /**
     * The desk on the simulated market and the journal at {@code journalUrl} ({@code jdbc:sqlite:FILE}
     * or {@code jdbc:postgresql://…}), created there when it is new. A SQLite file's folder is made when missing.
     */
    public static EmbeddedDesk onJournal(String journalUrl, long seed, double speed, Path brokerFile, DeskSettings settings) {
        return onJournal(journalUrl, seed, speed, brokerFile, settings, Reasoner.RULES_ONLY, DeskBus.inProcess());
    }

    /**
     * As {@link #onJournal(String, long, double, Path, DeskSettings)}, with a language model that may vote for the agents
     * (the desk closes it), the agents talking on the bus {@code bus} makes.
     */
    public static EmbeddedDesk onJournal(String journalUrl, long seed, double speed, Path brokerFile, DeskSettings settings, Reasoner reasoner,
                                         DeskBus bus) {
        return new EmbeddedDesk(openJournal(journalUrl), simulated(seed, speed), new BrokerChoice.Paper(brokerFile), settings, reasoner, bus);
    }

    /**
     * The desk on feeds a configuration opened, on the wall clock, with no valuation facts (no
     * provider of them is configured, and made-up ones would mislead). Their history reaches back
     * into the bars imported into the journal's database. The desk owns the feeds from now on and
     * closes them, the reasoner and the broker too.
     */
    public static EmbeddedDesk onFeeds(String journalUrl, ConfiguredFeeds.Feeds feeds, BrokerChoice broker, DeskSettings settings, Reasoner reasoner,
                                       DeskBus bus) {
        Database journal = openJournal(journalUrl);
        Database importedBars = Database.open(journalUrl, null, null, Schema.MARKET_DATA);
        MarketDataFeed prices = new ImportedHistoryFeed(feeds.market(), new JdbcBarStore(importedBars), SystemClock.INSTANCE);
        Market market = new Market(SystemClock.INSTANCE, prices, feeds.news(), ticker -> Optional.empty(), ExchangeCalendar.NYSE, () -> { }, () -> {
            feeds.close();
            importedBars.close();
        });
        return new EmbeddedDesk(journal, opened -> market, broker, settings, reasoner, bus);
    }

    private static Database openJournal(String journalUrl) {
        if (journalUrl.startsWith("jdbc:sqlite:")) return openDatabase(Database.sqliteFile(journalUrl), "quorum-", Schema.JOURNAL);
        return Database.open(journalUrl, null, null, Schema.JOURNAL);
    }

    /** A restarted simulated desk's market time goes on from the journal's last entry instead of jumping back. */
    private static Function<Journal, Market> simulated(long seed, double speed) {
        return journal -> {
            Instant start = latest(SimulatedClock.defaultStart(Instant.now()), lastJournalTime(journal));
            SimulatedClock clock = new SimulatedClock(start, speed, SystemClock.INSTANCE);
            SimulatedMarket market = SimulatedMarket.builder(clock).seed(seed).start(start).build();
            // The facts follow the news before the desk does, so that an agent reading them after an earnings headline reads the revised ones.
            SimulatedFundamentals fundamentals = new SimulatedFundamentals();
            MarketDataFeed.Subscription following = fundamentals.follow(market.newsFeed());
            return new Market(clock, market, market.newsFeed(), fundamentals, market.calendar(), market::start, () -> {
                following.close();
                market.close();
            });
        };
    }

    private EmbeddedDesk(Database journalDatabase, Function<Journal, Market> marketOnJournal, BrokerChoice brokerChoice, DeskSettings settings, Reasoner reasoner,
                         DeskBus bus) {
        this.reasoner = reasoner;
        // The journal is opened first, because the simulated market starts where the journal ends.
        AtomicReference<Clock> marketClock = new AtomicReference<>();
        this.database = journalDatabase;
        this.journal = new ObservableJournal(new JdbcJournal(this.database, AuditKey.resolve(System.getenv(), this.database.defaultAuditKeyFile()),
                () -> marketClock.get().now(), JdbcJournal.DEFAULT_MAX_BATCH, this.database.defaultAnchorFile()));
        this.market = marketOnJournal.apply(journal);
        marketClock.set(market.clock());
        this.broker = open(brokerChoice, market);
        this.lease = bus.lease();
        this.desk = new Desk(new DeskPorts(market.clock(), SystemClock.INSTANCE, market.calendar(), broker.deskFeed(), market.news(), market.fundamentals(),
                broker.broker(), journal, bus.factory(), reasoner).withLease(bus.lease(), bus.fence()), settings);
    }

    private static OpenBroker open(BrokerChoice choice, Market market) {
        return switch (choice) {
            case BrokerChoice.Paper paper -> {
                Database file = openDatabase(paper.file(), "paper-broker-", Schema.PAPER_BROKER);
                JdbcPaperAccountStore account = new JdbcPaperAccountStore(file, BROKER.startingCash());
                PaperBroker broker = new PaperBroker(market.clock(), market.calendar(), BROKER, account);
                BrokerFirstFeed deskFeed = new BrokerFirstFeed(market.feed(), broker::onTick);
                yield new OpenBroker(broker, deskFeed, () -> {
                    deskFeed.close();
                    account.close();
                    file.close();
                });
            }
            case BrokerChoice.Venue venue -> new OpenBroker(venue.broker(), market.feed(), () -> closeQuietly(venue.broker()));
        };
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
        market.start().run();
    }

    public Desk desk() { return desk; }

    /** The market's clock: simulated, or the wall clock on configured feeds. */
    public Clock clock() { return market.clock(); }

    /** The market-data feed, as opened. */
    public MarketDataFeed market() { return market.feed(); }

    public Broker broker() { return broker.broker(); }

    public ObservableJournal journal() { return journal; }

    public Database database() { return database; }

    @Override public void close() {
        desk.close();
        lease.close();
        broker.close().run();
        market.close().run();
        journal.close();
        database.close();
        closeQuietly(reasoner);
    }

    private static void closeQuietly(Object part) {
        if (part instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // The model's and the venue's threads are daemons; a failure to stop them cannot outlive the process.
            }
        }
    }
}
