package io.quorum.bench.soak;

import io.quorum.bench.Scenario;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.server.api.Actor;
import io.quorum.server.api.DeskException;
import io.quorum.server.api.SessionView;
import io.quorum.server.http.AccessToken;
import io.quorum.server.http.QuorumServer;
import io.quorum.server.http.ServerMetrics;
import io.quorum.server.http.ServerSettings;
import io.quorum.server.wiring.DeskService;
import io.quorum.server.wiring.EmbeddedDesk;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * SOAK: the whole desk, on a file journal and a real server, trading at 1,200× while sessions are
 * created, handed authority, stopped, flattened and archived one after another, and the API is
 * read every 100 ms. Ten times over the run it samples the heap, the threads, the open file
 * descriptors, the journal's size and the API's p99: none may grow without bound, except the
 * journal, which is the record and grows by design. Not in the default run: {@code ./bench SOAK}
 * (quick: 3 minutes, 10 sessions; full: 30 minutes, 50 sessions; {@code -Dquorum.soak.minutes=N}
 * overrides the length).
 */
public final class SoakRun implements Scenario {
    private static final double SPEED = 1_200;
    private static final int SAMPLES = 10;
    private static final int AT_ONCE = 4;

    @Override public String id() { return "SOAK"; }

    @Override public String title() { return "soak: the desk at 1,200x with sessions created and stopped; heap, threads, fds, journal and API p99 over time"; }

    @Override
    public List<Figure> run(Mode mode) throws Exception {
        long minutes = Long.getLong("quorum.soak.minutes", mode == Mode.QUICK ? 3 : 30);
        int sessions = mode == Mode.QUICK ? 10 : 50;
        Duration length = Duration.ofMinutes(minutes);
        Path folder = Files.createTempDirectory("quorum-soak-");
        Path journalFile = folder.resolve("quorum.db");
        String token = "soak-" + UUID.randomUUID();
        List<Sample> samples = new ArrayList<>();
        int created = 0;
        int archived = 0;
        try (EmbeddedDesk embedded = new EmbeddedDesk(42, SPEED, journalFile, folder.resolve("paper-broker.db"), DeskSettings.defaults());
             DeskService service = new DeskService(embedded.desk(), embedded.journal());
             HttpClient http = HttpClient.newHttpClient()) {
            QuorumServer server = new QuorumServer(service, AccessToken.explicit(token), ServerSettings.defaults(), new ServerMetrics(), embedded.clock())
                    .start(0, "127.0.0.1");
            try {
                embedded.start();
                List<Ticker> tickers = embedded.market().tickers();
                Actor soak = new Actor("soak", "127.0.0.1");
                Deque<SessionId> running = new ArrayDeque<>();
                long start = System.nanoTime();
                long end = start + length.toNanos();
                long churnEvery = length.toNanos() / sessions;
                long sampleEvery = length.toNanos() / SAMPLES;
                long nextChurn = start;
                long nextSample = start + sampleEvery;
                Histogram api = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
                while (System.nanoTime() < end) {
                    long now = System.nanoTime();
                    if (now >= nextChurn && created < sessions) {
                        if (running.size() >= AT_ONCE) archived += retire(service, running.removeFirst(), soak);
                        running.addLast(open(service, tickers.get(created % tickers.size()), soak));
                        created++;
                        nextChurn += churnEvery;
                    }
                    api.recordValue(Math.min(api.getHighestTrackableValue(), read(http, server.baseUrl(), token, running.peekLast())));
                    if (now >= nextSample) {
                        samples.add(sample(Duration.ofNanos(now - start), journalFile, api, service.sessions().size()));
                        api.reset();
                        nextSample += sampleEvery;
                    }
                    Thread.sleep(100);
                }
                while (!running.isEmpty()) archived += retire(service, running.removeFirst(), soak);
            } finally {
                server.stop();
            }
        } finally {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        }
        return figures(samples, created, archived, minutes);
    }

    private record Sample(Duration at, long heapMb, int threads, long fds, long journalKb, double apiP99Ms, int sessions) {}

    private static SessionId open(DeskService service, Ticker ticker, Actor soak) throws InterruptedException {
        SessionId id = SessionId.of(service.createSession(ticker, soak).id());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        SessionView view = service.session(id);
        while (!view.state().equals("PROPOSAL") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            view = service.session(id);
        }
        if (view.proposal() != null) {
            service.approve(id, ProposalId.parse(view.proposal().id()), soak);
            service.enableAutoTrading(id, DeskService.DISCLOSURE.version(), soak);
        }
        return id;
    }

    /** Stops the session, closes what it holds and archives it once flat; 1 when it was archived. */
    private static int retire(DeskService service, SessionId id, Actor soak) throws InterruptedException {
        if (!service.session(id).state().equals("STOPPED")) service.stop(id, soak);
        service.flatten(id, soak);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                service.archive(id, soak);
                return 1;
            } catch (DeskException.Conflict stillHolding) {
                Thread.sleep(50);
            }
        }
        return 0;
    }

    /** One API read, as the UI polls: the session list, and the newest session's positions. */
    private static long read(HttpClient http, String base, String token, SessionId newest) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        get(http, base + "/api/sessions", token);
        if (newest != null) get(http, base + "/api/sessions/" + newest.value() + "/positions", token);
        return System.nanoTime() - begin;
    }

    private static void get(HttpClient http, String url, String token) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200 && response.statusCode() != 404) throw new IllegalStateException(url + " answered " + response.statusCode());
    }

    private static Sample sample(Duration at, Path journal, Histogram api, int sessions) throws IOException {
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1 << 20);
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long fds;
        try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
            fds = open.count();
        }
        long journalKb = 0;
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path file = journal.resolveSibling(journal.getFileName() + suffix);
            if (Files.exists(file)) journalKb += Files.size(file) / 1024;
        }
        return new Sample(at, heap, threads, fds, journalKb, api.getValueAtPercentile(99) / 1e6, sessions);
    }

    private List<Figure> figures(List<Sample> samples, int created, int archived, long minutes) {
        List<Figure> rows = new ArrayList<>();
        String subject = "desk + server, " + minutes + " min at 1,200x";
        for (Sample s : samples) {
            rows.add(new Figure(id(), subject, "t=" + s.at().toSeconds() + " s",
                    String.format("heap %d MB, threads %d, fds %d, journal %d KB, API p99 %.1f ms, sessions %d",
                            s.heapMb(), s.threads(), s.fds(), s.journalKb(), s.apiP99Ms(), s.sessions()), ""));
        }
        rows.add(new Figure(id(), subject, "sessions created / archived", created + " / " + archived, created == archived ? "every one archived: met" : "MISSED"));
        if (samples.size() >= 4) {
            Sample early = samples.get(1);
            Sample last = samples.getLast();
            rows.add(new Figure(id(), subject, "threads, second sample -> last", early.threads() + " -> " + last.threads(),
                    last.threads() <= early.threads() + 4 ? "bounded: met" : "growing: MISSED"));
            rows.add(new Figure(id(), subject, "fds, second sample -> last", early.fds() + " -> " + last.fds(),
                    last.fds() <= early.fds() + 16 ? "bounded: met" : "growing: MISSED"));
            double worstP99 = samples.stream().mapToDouble(Sample::apiP99Ms).max().orElse(0);
            rows.add(new Figure(id(), subject, "API p99, worst sample ms", String.format("%.1f", worstP99), "reported"));
            rows.add(new Figure(id(), subject, "journal growth KB/min", Long.toString((last.journalKb() - early.journalKb()) * 60 / Math.max(1, last.at().minus(early.at()).toSeconds())),
                    "the record: grows by design"));
        }
        return rows;
    }
}
