package io.quorum.bench.journal;

import static io.quorum.bench.LatencyResult.format;
import static io.quorum.bench.LatencyResult.micros;
import static io.quorum.bench.LatencyResult.verdict;

import io.quorum.adapters.jdbc.AuditKey;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.JdbcJournal;
import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.Scenario;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.Side;
import io.quorum.engine.time.SystemClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * S9: durable appends per second through {@link JdbcJournal}, and the time from an event to its
 * being durable, on SQLite and on PostgreSQL.
 *
 * <p>Each appending thread calls {@code appendDurably} with an {@code OrderIntended} in a loop, as
 * the desk does before an order leaves; the threads share four sessions. Each call's time, from the
 * call to its return (the entry committed and flushed), goes into a histogram. The system under
 * test is the journal as the desk runs it, one writer with group commit, at 1, 8, 64 and 256
 * appending threads. The baseline, in the same run, on the same database, is the same journal
 * committing one event per transaction ({@code maxBatch} 1), with 8 appending threads: what the
 * journal did before its writer batched. It runs before and after each of the others, and each
 * ratio is taken against the faster of the two runs beside it. Every subject starts on a fresh
 * file or schema. Those loops are closed (a thread appends again once its last append returned),
 * so their latencies are those of a saturated journal; two last runs, baseline and group commit
 * with 8 threads, keep a pace of 1,000 events a second instead, and count each latency from the
 * event's intended time.
 */
public final class JournalCommitThroughput implements Scenario {
    private static final double TARGET_RATIO = 20;
    private static final int BASELINE_THREADS = 8;
    private static final List<Integer> GROUP_THREADS = List.of(1, 8, 64, 256);
    /** The appending threads share this many sessions, as a desk's few sessions are each written by several threads. */
    private static final int SESSIONS = 4;
    private static final int PACED_PER_SECOND = 1_000;
    private static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String POSTGRES_USER = "postgres";
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Price LIMIT = Price.parse("178.60");
    private static final AuditKey KEY = AuditKey.of("the bench's audit key, not a secret".getBytes(StandardCharsets.UTF_8));

    private final Duration warmup;
    private final Duration quickMeasured;
    private final Duration fullMeasured;

    public JournalCommitThroughput() { this(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(15)); }

    /** Shorter runs, for the smoke test. */
    public JournalCommitThroughput(Duration warmup, Duration quickMeasured, Duration fullMeasured) {
        this.warmup = warmup;
        this.quickMeasured = quickMeasured;
        this.fullMeasured = fullMeasured;
    }

    @Override public String id() { return "S9"; }

    @Override public String title() { return "journal: durable appends/s with group commit vs one commit per event, SQLite and PostgreSQL; event-to-durable latency"; }

    @Override
    public List<Figure> run(Mode mode) throws Exception {
        Duration measured = mode == Mode.QUICK ? quickMeasured : fullMeasured;
        List<Figure> figures = new ArrayList<>();
        Path folder = Files.createTempDirectory("quorum-s9-");
        try {
            figures.addAll(compare("SQLite", new SqliteFiles(folder), measured, true));
        } finally {
            deleteRecursively(folder);
        }
        if (postgresReachable()) {
            figures.addAll(compare("PostgreSQL", new PostgresSchemas(), measured, false));
        } else {
            System.out.println("S9: PostgreSQL at " + POSTGRES_SERVER + " is unreachable; its rows are skipped.");
        }
        return figures;
    }

    private List<Figure> compare(String name, Storage storage, Duration measured, boolean judged) throws Exception {
        List<Figure> figures = new ArrayList<>();
        String baselineSubject = name + ", one commit per event, " + BASELINE_THREADS + " threads";
        // Each group-commit run is bracketed by two baseline runs and compared with the faster of them, so that
        // a change in the machine's load between runs flatters nothing.
        List<Run> baselines = new ArrayList<>();
        baselines.add(measure(storage, 1, BASELINE_THREADS, measured, 0));
        List<Run> groups = new ArrayList<>();
        for (int threads : GROUP_THREADS) {
            groups.add(measure(storage, JdbcJournal.DEFAULT_MAX_BATCH, threads, measured, 0));
            baselines.add(measure(storage, 1, BASELINE_THREADS, measured, 0));
        }
        for (int b = 0; b < baselines.size(); b++) {
            figures.addAll(baselines.get(b).figures(id(), baselineSubject + " (run " + (b + 1) + ")", "baseline"));
        }
        Run best = null;
        double bestRatio = 0;
        for (int g = 0; g < groups.size(); g++) {
            Run group = groups.get(g);
            double ratio = group.perSecond() / Math.max(baselines.get(g).perSecond(), baselines.get(g + 1).perSecond());
            String subject = name + ", group commit, " + group.threads + (group.threads == 1 ? " thread" : " threads");
            figures.addAll(group.figures(id(), subject, ""));
            figures.add(new Figure(id(), subject, "x one commit per event", format(ratio), "vs the faster of runs " + (g + 1) + " and " + (g + 2)));
            if (best == null || ratio > bestRatio) {
                best = group;
                bestRatio = ratio;
            }
        }
        String target = judged ? "≥ " + format(TARGET_RATIO) + "×: " + verdict(bestRatio >= TARGET_RATIO) : "reported";
        figures.add(new Figure(id(), name + ", group commit at " + best.threads + " threads", "x one commit per event (best)", format(bestRatio), target));
        // At a steady pace, latency from each event's intended time: what an order's intent waits at a busy desk's rate.
        String pace = String.format(Locale.ROOT, "%,d events/s", PACED_PER_SECOND);
        figures.addAll(measure(storage, 1, BASELINE_THREADS, measured, PACED_PER_SECOND)
                .figures(id(), baselineSubject + ", paced " + pace, "baseline"));
        figures.addAll(measure(storage, JdbcJournal.DEFAULT_MAX_BATCH, BASELINE_THREADS, measured, PACED_PER_SECOND)
                .figures(id(), name + ", group commit, " + BASELINE_THREADS + " threads, paced " + pace, ""));
        return figures;
    }

    /** {@code perSecond} 0: each thread appends again as soon as its last append returned; otherwise the threads together keep that pace. */
    private Run measure(Storage storage, int maxBatch, int threads, Duration measured, int perSecond) throws Exception {
        try (Fresh fresh = storage.fresh();
             JdbcJournal journal = new JdbcJournal(fresh.database(), KEY, SystemClock.INSTANCE, maxBatch)) {
            AtomicBoolean recording = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            List<Appender> appenders = new ArrayList<>();
            CountDownLatch finished = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                long period = perSecond == 0 ? 0 : 1_000_000_000L * threads / perSecond;
                Appender appender = new Appender(journal, SessionId.of("s9-" + t % SESSIONS), period, recording, stop, finished);
                appenders.add(appender);
                Thread.ofPlatform().daemon().name("s9-appender-" + t).start(appender);
            }
            Thread.sleep(warmup.toMillis());
            JdbcJournal.WriterStats before = journal.stats();
            long started = System.nanoTime();
            recording.set(true);
            Thread.sleep(measured.toMillis());
            recording.set(false);
            long elapsed = System.nanoTime() - started;
            JdbcJournal.WriterStats after = journal.stats();
            stop.set(true);
            finished.await();

            Histogram latency = LatencyRecorder.newHistogram();
            long appends = 0;
            long failures = 0;
            for (Appender appender : appenders) {
                latency.add(appender.latency);
                appends += appender.recorded;
                failures += appender.failures;
            }
            return new Run(threads, appends, elapsed, latency, after.batches() - before.batches(), failures);
        }
    }

    /** What the desk journals durably before an order leaves. */
    private static JournalEvent intention(SessionId session, long n) {
        OrderRequest request = OrderRequest.limit(ClientOrderId.of("q-" + session.value() + "-" + n), AAPL, Side.BUY, 100, LIMIT);
        return new JournalEvent.OrderIntended(request, null, "bench S9");
    }

    /**
     * One appending thread: durable appends to its session until told to stop, back to back or one
     * every {@code periodNanos}. Paced, each latency counts from the append's intended time, so a
     * late append is charged for the wait it caused (no coordinated omission).
     */
    private static final class Appender implements Runnable {
        private final JdbcJournal journal;
        private final SessionId session;
        private final long periodNanos;
        private final AtomicBoolean recording;
        private final AtomicBoolean stop;
        private final CountDownLatch finished;
        final Histogram latency = LatencyRecorder.newHistogram();
        long recorded;
        long failures;

        Appender(JdbcJournal journal, SessionId session, long periodNanos, AtomicBoolean recording, AtomicBoolean stop, CountDownLatch finished) {
            this.journal = journal;
            this.session = session;
            this.periodNanos = periodNanos;
            this.recording = recording;
            this.stop = stop;
            this.finished = finished;
        }

        @Override public void run() {
            try {
                long n = 0;
                long intended = System.nanoTime();
                while (!stop.get()) {
                    JournalEvent event = intention(session, n++);
                    if (periodNanos > 0) {
                        intended += periodNanos;
                        for (long wait; (wait = intended - System.nanoTime()) > 0; ) LockSupport.parkNanos(wait);
                    }
                    long before = periodNanos > 0 ? intended : System.nanoTime();
                    try {
                        journal.appendDurably(session, event);
                    } catch (RuntimeException e) {
                        if (recording.get()) failures++;
                        continue;
                    }
                    long took = System.nanoTime() - before;
                    if (recording.get()) {
                        latency.recordValue(Math.min(took, latency.getHighestTrackableValue()));
                        recorded++;
                    }
                }
            } finally {
                finished.countDown();
            }
        }
    }

    /** What one subject measured. */
    private record Run(int threads, long appends, long elapsedNanos, Histogram latency, long batches, long failures) {
        double perSecond() { return appends * 1e9 / elapsedNanos; }

        List<Figure> figures(String scenario, String subject, String target) {
            List<Figure> rows = new ArrayList<>();
            rows.add(new Figure(scenario, subject, "durable appends/s", String.format(Locale.ROOT, "%,.0f", perSecond()), target));
            rows.add(new Figure(scenario, subject, "events per commit", format(batches == 0 ? 0 : (double) appends / batches), ""));
            rows.add(new Figure(scenario, subject, "event->durable p50 µs", format(micros(latency.getValueAtPercentile(50))), ""));
            rows.add(new Figure(scenario, subject, "event->durable p99 µs", format(micros(latency.getValueAtPercentile(99))), ""));
            rows.add(new Figure(scenario, subject, "event->durable max µs", format(micros(latency.getMaxValue())), ""));
            if (failures > 0) rows.add(new Figure(scenario, subject, "faults", failures + " appends failed", "none: MISSED"));
            return rows;
        }
    }

    /** Where each subject's fresh, empty journal comes from. */
    private interface Storage {
        Fresh fresh() throws Exception;
    }

    /** A fresh database, and what to remove once its subject is measured. */
    private record Fresh(Database database, String dropSchema) implements AutoCloseable {
        @Override public void close() throws SQLException {
            database.close();
            if (dropSchema != null) execute("DROP SCHEMA " + dropSchema + " CASCADE");
        }
    }

    private static final class SqliteFiles implements Storage {
        private final Path folder;
        private int next;

        SqliteFiles(Path folder) { this.folder = folder; }

        @Override public Fresh fresh() { return new Fresh(Database.openFile(folder.resolve("journal-" + next++ + ".db")), null); }
    }

    /** A schema of its own per subject, dropped once it is measured. */
    private static final class PostgresSchemas implements Storage {
        @Override public Fresh fresh() throws SQLException {
            String schema = "quorum_s9_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE SCHEMA " + schema);
            return new Fresh(Database.open(POSTGRES_SERVER + "?currentSchema=" + schema, POSTGRES_USER, ""), schema);
        }
    }

    private static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES_SERVER + "?connectTimeout=2", POSTGRES_USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES_SERVER, POSTGRES_USER, ""); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }
}
