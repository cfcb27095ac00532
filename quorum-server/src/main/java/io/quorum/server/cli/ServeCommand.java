package io.quorum.server.cli;

import io.quorum.adapters.config.QuorumConfig;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.notify.ChannelSettings;
import io.quorum.adapters.notify.DeskNotices;
import io.quorum.adapters.notify.Notifier;
import io.quorum.adapters.notify.NotifySettings;
import io.quorum.engine.time.SystemClock;
import io.quorum.server.backtest.BacktestJob;
import io.quorum.server.backtest.BacktestRuns;
import io.quorum.server.http.AccessToken;
import io.quorum.server.http.QuorumServer;
import io.quorum.server.http.ServerMetrics;
import io.quorum.server.http.ServerSettings;
import io.quorum.server.wiring.DeskMetrics;
import io.quorum.server.wiring.DeskService;
import io.quorum.server.wiring.EmbeddedDesk;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The desk with its web UI and API: what {@code ./quorum} starts. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the desk with its web UI, REST API and WebSocket stream: on the simulated market, or on the market data --config names.")
public final class ServeCommand implements Callable<Integer> {
    /** Under the 5 s a service manager usually grants between SIGTERM and SIGKILL. */
    private static final java.time.Duration STOP_BOUND = java.time.Duration.ofMillis(4_500);

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = ServerSettings.DEFAULT_HOST, description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @CommandLine.Mixin DeskMarketOptions market;

    @CommandLine.Mixin BusOptions bus;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", paramLabel = "<file or jdbc-url>",
            description = "The journal: a SQLite file, jdbc:sqlite:FILE or jdbc:postgresql://host:5432/db?user=… "
                    + "(default: quorum.db in the data folder, ./data or $QUORUM_DATA_DIR).")
    String database;

    @Option(names = "--broker-db", description = "The paper broker's account file (default: paper-broker.db in the data folder).")
    Path brokerDatabase;

    @Option(names = "--token", description = "Access token to require instead of the generated one (or set QUORUM_TOKEN).")
    String token;

    @Option(names = "--new-token", description = "Generate a new access token, replacing the stored one.")
    boolean newToken;

    @Option(names = "--allow-origin", description = "Extra browser origin allowed to open the WebSocket, e.g. http://127.0.0.1:5173 for the UI's dev server.")
    java.util.List<String> allowedOrigins = new java.util.ArrayList<>();

    @Override public Integer call() throws Exception {
        if (port < 0 || port > 65_535) throw new CommandLine.ParameterException(spec.commandLine(), "--port must be in 0..65535, was " + port);
        QuorumConfig config = market.configuration(System.getenv());
        DataFolder data = DataFolder.current();
        JournalLocation journal = JournalLocation.parse(database, data.defaultDatabaseFile());
        Path brokerFile = brokerDatabase != null ? brokerDatabase : data.defaultBrokerFile();
        AccessToken access;
        try {
            access = AccessToken.resolve(token, System.getenv(AccessToken.ENVIRONMENT_VARIABLE), data.dataDir(), newToken);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--token / " + AccessToken.ENVIRONMENT_VARIABLE + ": " + e.getMessage());
        }
        Notifier notifier = openNotifier(config.notifications());
        EmbeddedDesk embedded = replayable(journal, () -> market.open(config, System.getenv(), journal.jdbcUrl(), brokerFile, bus.deskBus()));
        DeskService service = replayable(journal, () -> new DeskService(embedded.desk(), embedded.journal()));
        ServerSettings settings = ServerSettings.defaults();
        if (!allowedOrigins.isEmpty()) settings = settings.withAllowedOrigins(allowedOrigins);
        ServerMetrics metrics = new ServerMetrics();
        DeskMetrics deskMetrics = new DeskMetrics(metrics.registry(), embedded.desk(), embedded.journal());
        if (config.notifications().isEnabled()) notifier.follow(embedded.desk(), embedded.journal(), new DeskNotices(config.notifications().deskUrl()));
        deskMetrics.watch(notifier);
        BacktestRuns backtests = new BacktestRuns(data.dataDir(), DeskMarketOptions.deskSettings(config), config.llm(),
                System.getenv(), SystemClock.INSTANCE, BacktestRuns.ownThread());
        QuorumServer server = new QuorumServer(service, Optional.of(backtests), access, settings, metrics, embedded.clock());
        Runnable stop = stopInOrder(server, () -> {
            backtests.close();
            deskMetrics.close();
            notifier.close();
            embedded.close();
            service.close();
        });
        // Whatever else ends the process (another signal, an exit elsewhere) still stops it in order.
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "quorum-shutdown"));
        StopSignals signals = StopSignals.install();
        replayable(journal, () -> {
            embedded.start();
            return embedded;
        });
        server.start(port, host);
        String paperFile = config.broker().provider() == QuorumConfig.BrokerProvider.PAPER ? "   Paper broker: " + brokerFile.toAbsolutePath() : "";
        System.out.println("Journal: " + journal.describe() + paperFile + "   " + market.describe(config) + "   " + bus.describe() + describe(config.notifications())
                + ". Ctrl-C stops the desk.");
        signals.await();
        stop.run();
        return 0;
    }

    /** The channels of the {@code notify} section, each with its secret from the environment; a variable left unset stops the start with one line naming it. */
    private static Notifier openNotifier(NotifySettings settings) {
        try {
            return Notifier.open(settings, System::getenv);
        } catch (IllegalStateException unset) {
            throw new CommandFailure(unset.getMessage());
        }
    }

    private static String describe(NotifySettings settings) {
        if (!settings.isEnabled()) return "";
        StringBuilder channels = new StringBuilder("   Notifying:");
        for (ChannelSettings channel : settings.channels()) channels.append(' ').append(channel.name()).append(" (").append(channel.type().configName()).append(')');
        return channels.toString();
    }

    /**
     * The stop, once however often it is asked for: refuse new commands (503) and close the
     * WebSockets with 1001 and a reason, close the desk so that its loop finishes what it holds and
     * the journal writes its last entries, then stop the server. Bounded: a stop that hangs is cut
     * short with a line on standard error and exit status 1.
     */
    private static Runnable stopInOrder(QuorumServer server, Runnable closeDesk) {
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (!once.compareAndSet(false, true)) return;
            Thread.ofPlatform().daemon().name("quorum-stop-watchdog").start(() -> {
                try {
                    Thread.sleep(STOP_BOUND.toMillis());
                    System.err.println("quorum: the desk did not stop within " + STOP_BOUND.toSeconds() + " s; exiting without waiting further");
                    Runtime.getRuntime().halt(1);
                } catch (InterruptedException stoppedInTime) {
                    Thread.currentThread().interrupt();
                }
            });
            server.beginStop();
            closeDesk.run();
            server.stop();
        };
    }

    /**
     * Runs a step that reads the journal back. When it fails because an entry cannot be read, the
     * start is refused with one line naming the entry; the desk never starts on a journal it
     * cannot replay, and never half-way. Any other failure stays what it is.
     */
    private static <T> T replayable(JournalLocation journal, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException failure) {
            Optional<String> unreadable;
            try (Database database = Database.open(journal.jdbcUrl(), null, null)) {
                unreadable = UnreadableEntry.in(database, journal.describe());
            } catch (RuntimeException cannotLook) {
                failure.addSuppressed(cannotLook);
                throw failure;
            }
            if (unreadable.isPresent()) throw new CommandFailure(unreadable.get());
            throw failure;
        }
    }
}
