package io.quorum.server.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quorum.adapters.csv.BarImport;
import io.quorum.adapters.csv.BarStream;
import io.quorum.adapters.csv.RowProblem;
import io.quorum.adapters.llm.LlmProvider;
import io.quorum.adapters.llm.LlmSettings;
import io.quorum.engine.backtest.ReplayListener;
import io.quorum.engine.backtest.ReplayView;
import io.quorum.engine.backtest.report.BacktestReport;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.market.Bar;
import io.quorum.engine.port.Clock;
import io.quorum.server.api.DeskException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's backtests: started over HTTP on CSV files under the data folder, run one at a time on
 * their own thread (never the engine loop's, so the live desk goes on undisturbed), each kept in
 * {@code DATA/backtests/{id}/} with its report and a {@value #RUN_FILE} that lists it again after a
 * restart. Files are named relative to the data folder; a path that leaves it is refused.
 */
public final class BacktestRuns implements AutoCloseable {
    public static final String FOLDER = "backtests";
    static final String RUN_FILE = "run.json";
    private static final Logger log = LoggerFactory.getLogger(BacktestRuns.class);
    private static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_FILE_NAME = 200;
    private static final int MAX_DATA_FILES = 500;
    private static final int DATA_FILE_DEPTH = 4;
    private static final int PROBLEMS_TOLD = 3;
    /** How long a stopping server waits for the run under way to leave its thread. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);
    private static final List<String> SERVED_FILES = List.of(BacktestJob.REPORT_HTML, BacktestJob.REPORT_JSON, BacktestJob.TRADES_CSV);

    private final Path dataDir;
    private final Path runsDir;
    private final DeskSettings deskSettings;
    private final LlmSettings llm;
    private final Map<String, String> environment;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final Map<String, BacktestView> finished = new ConcurrentHashMap<>();
    private final AtomicReference<ActiveRun> active = new AtomicReference<>();
    private final ExecutorService worker;

    /**
     * @param llm    the language model of the desk's agents, as the server's configuration has it; their
     *               answers are kept for every run in {@code DATA/backtests/}{@value BacktestJob#ANSWERS_FILE}
     * @param worker the one thread the runs replay on, in turn ({@link #ownThread()}); closed with this
     */
    public BacktestRuns(Path dataDir, DeskSettings deskSettings, LlmSettings llm, Map<String, String> environment, Clock clock, ExecutorService worker) {
        this.worker = worker;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.runsDir = this.dataDir.resolve(FOLDER);
        this.deskSettings = deskSettings;
        this.llm = llm;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        loadPastRuns();
    }

    /** The backtests' own thread, apart from the engine loop and the HTTP threads. */
    public static ExecutorService ownThread() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("quorum-backtest").daemon().factory());
    }

    /** Starts a run and answers it as it begins; refused when the file is not one under the data folder, or while another run is running. */
    public BacktestView start(BacktestOrder order) {
        Path file = dataFile(order.file());
        Optional<BacktestModel> model = model(order);
        String id = UUID.randomUUID().toString();
        ActiveRun run = new ActiveRun(BacktestView.running(id, order, clock.now()));
        if (!active.compareAndSet(null, run)) {
            throw new DeskException.Conflict("backtest " + active.get().started.id() + " is running: one runs at a time on this server; start this one when it is done");
        }
        try {
            save(run.started);
            worker.execute(() -> replay(run, order, file, model));
        } catch (RuntimeException e) {
            active.set(null);
            throw e;
        }
        return run.started;
    }

    /** Every run, the newest first, a running one with its progress now. */
    public List<BacktestView> list() {
        List<BacktestView> all = new ArrayList<>(finished.values());
        ActiveRun running = active.get();
        if (running != null && !finished.containsKey(running.started.id())) all.add(running.now());
        all.sort(Comparator.comparing(BacktestView::startedAt).reversed().thenComparing(BacktestView::id));
        return all;
    }

    public BacktestView get(String id) {
        ActiveRun running = active.get();
        if (running != null && running.started.id().equals(id)) return running.now();
        BacktestView run = finished.get(id);
        if (run == null) throw new DeskException.NotFound("backtest", id);
        return run;
    }

    /** One of a finished run's report files ({@code report.html}, {@code report.json}, {@code trades.csv}). */
    public Path reportFile(String id, String name) {
        if (!SERVED_FILES.contains(name)) throw new DeskException.NotFound("report file", name);
        BacktestView run = get(id);
        if (!BacktestView.DONE.equals(run.state())) throw new DeskException.Conflict("backtest " + id + " is " + run.state() + ": its report is written when it is done");
        Path file = runsDir.resolve(id).resolve(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) throw new DeskException.NotFound("report file", id + "/" + name);
        return file;
    }

    /** The CSV files a run can be started on: under the data folder, named relative to it, its backtests' folder left out. */
    public List<String> dataFiles() {
        if (!Files.isDirectory(dataDir)) return List.of();
        try (Stream<Path> paths = Files.walk(dataDir, DATA_FILE_DEPTH)) {
            return paths.filter(path -> !path.startsWith(runsDir))
                    .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .map(path -> dataDir.relativize(path).toString().replace('\\', '/'))
                    .sorted().limit(MAX_DATA_FILES).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DeskException.Unavailable("the data folder cannot be read: " + e.getMessage());
        }
    }

    /**
     * Stops the run under way and waits for its thread to leave (a replay between two bars sees the
     * interrupt), so that nothing is still writing into the data folder once the server has stopped.
     */
    @Override public void close() {
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("the backtest under way did not stop within {}; its files may be left half-written", STOP_PATIENCE);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The file a request names, if it is a regular file inside the data folder: a name relative to
     * the folder, with no {@code ..}, and no link that leads out of it.
     */
    private Path dataFile(String name) {
        if (name.isBlank() || name.length() > MAX_FILE_NAME) throw refusedFile("is required: a CSV file in the data folder, named relative to it, at most " + MAX_FILE_NAME + " characters");
        Path relative;
        try {
            relative = Path.of(name);
        } catch (InvalidPathException e) {
            throw refusedFile("is not a file name: " + e.getReason());
        }
        if (relative.isAbsolute() || name.startsWith("/") || name.startsWith("\\")) {
            throw refusedFile("an absolute path is refused: name a file relative to the data folder, such as market/ORCL.csv");
        }
        for (Path part : relative) {
            if (part.toString().equals("..")) throw refusedFile("'..' is refused: name a file inside the data folder, such as market/ORCL.csv");
        }
        Path file = dataDir.resolve(relative).normalize();
        if (!file.startsWith(dataDir) || !Files.isRegularFile(file)) throw refusedFile("there is no file " + name + " in the data folder");
        try {
            if (!file.toRealPath().startsWith(dataDir.toRealPath())) throw refusedFile("the file is a link to outside the data folder, which is refused");
        } catch (IOException e) {
            throw refusedFile("the file cannot be read: " + e.getMessage());
        }
        return file;
    }

    private static DeskException.Invalid refusedFile(String why) { return DeskException.Invalid.of("file", why); }

    /**
     * The model the desk's agents ask, when the server's configuration has one: one answers file
     * serves every run, so that a run started again on the same data and settings asks nothing.
     */
    private Optional<BacktestModel> model(BacktestOrder order) {
        if (!order.deskVote() || llm.provider() == LlmProvider.NONE) return Optional.empty();
        BacktestModel model = new BacktestModel(llm, order.llmAnswers(), runsDir.resolve(BacktestJob.ANSWERS_FILE));
        model.refusal().ifPresent(refusal -> {
            throw DeskException.Invalid.of("llmAnswers", refusal);
        });
        return Optional.of(model);
    }

    /** On the backtest thread: check the file whole, replay it, keep the report, and free the server for the next run. */
    private void replay(ActiveRun run, BacktestOrder order, Path file, Optional<BacktestModel> model) {
        BacktestView end;
        try {
            end = switch (BacktestJob.checked(file, order.ticker(), order.from(), order.to())) {
                case BarImport.Refused refused -> run.now().failed(clock.now(), "the file is refused: " + refused.reason() + describe(refused.problems()));
                case BarStream.Ready ready when ready.barCount() == 0 -> run.now().failed(clock.now(), "the file has no bars between "
                        + (order.from() == null ? "its start" : order.from()) + " and " + (order.to() == null ? "its end" : order.to()));
                case BarStream.Ready ready -> {
                    BacktestJob job = new BacktestJob(order.config(), List.of(ready), file.getFileName().toString(),
                            order.deskVote() ? Optional.of(deskSettings) : Optional.empty(), runsDir.resolve(run.started.id()), model);
                    run.begin(job.totalBars(), clock.now());
                    BacktestReport report = job.run(run, environment);
                    yield run.now().done(clock.now(), BacktestView.Figures.of(report, order.deskVote()));
                }
            };
        } catch (RuntimeException e) {
            log.warn("backtest {} failed", run.started.id(), e);
            end = run.now().failed(clock.now(), "the run stopped: " + e.getMessage());
        }
        try {
            save(end);
        } catch (RuntimeException e) {
            log.warn("backtest {} could not be kept in its folder: it is listed until the server stops", end.id(), e);
        }
        finished.put(end.id(), end);
        active.set(null);
    }

    private static String describe(List<RowProblem> problems) {
        if (problems.isEmpty()) return "";
        StringBuilder told = new StringBuilder(" (");
        for (int i = 0; i < Math.min(PROBLEMS_TOLD, problems.size()); i++) told.append(i == 0 ? "" : "; ").append(problems.get(i));
        if (problems.size() > PROBLEMS_TOLD) told.append("; and ").append(problems.size() - PROBLEMS_TOLD).append(" more");
        return told.append(')').toString();
    }

    private void save(BacktestView run) {
        Path folder = runsDir.resolve(run.id());
        try {
            Files.createDirectories(folder);
            Path next = folder.resolve(RUN_FILE + ".next");
            Files.write(next, json.writeValueAsBytes(run));
            Files.move(next, folder.resolve(RUN_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep backtest " + run.id() + " in " + folder, e);
        }
    }

    /** The runs kept in the folder; one the server stopped in the middle of is failed, with that reason. */
    private void loadPastRuns() {
        if (!Files.isDirectory(runsDir)) return;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(runsDir, path -> RUN_ID.matcher(path.getFileName().toString()).matches())) {
            for (Path folder : folders) {
                Path file = folder.resolve(RUN_FILE);
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) continue;
                try {
                    BacktestView run = json.readValue(file.toFile(), BacktestView.class);
                    if (BacktestView.RUNNING.equals(run.state())) {
                        run = run.failed(run.startedAt(), "the server stopped before the run was done");
                        save(run);
                    }
                    finished.put(run.id(), run);
                } catch (IOException | UncheckedIOException e) {
                    log.warn("backtest folder {} is not listed: its {} cannot be read", folder, RUN_FILE, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the backtests in " + runsDir, e);
        }
    }

    /** The run in progress: its bars done, written by the replay's thread after each bar and read by the HTTP threads. */
    private final class ActiveRun implements ReplayListener {
        final BacktestView started;
        private final AtomicLong barsDone = new AtomicLong();
        private volatile long totalBars;
        private volatile Instant replayStartedAt;

        ActiveRun(BacktestView started) { this.started = started; }

        void begin(long total, Instant at) {
            totalBars = total;
            replayStartedAt = at;
        }

        @Override public void onClose(ReplayView view, Bar bar) { barsDone.lazySet(view.barsDone()); }

        BacktestView now() {
            Instant since = replayStartedAt;
            long done = barsDone.get();
            long total = totalBars;
            if (since == null) return started;
            double seconds = Duration.between(since, clock.now()).toNanos() / 1e9;
            double rate = seconds > 0 ? done / seconds : 0;
            Long eta = rate > 0 ? Math.round((total - done) / rate) : null;
            return started.withProgress(new BacktestView.Progress(done, total, rate, eta));
        }
    }
}
