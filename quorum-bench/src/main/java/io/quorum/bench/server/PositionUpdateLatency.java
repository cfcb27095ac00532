package io.quorum.bench.server;

import static io.quorum.bench.LatencyResult.format;

import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.Scenario.Figure;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.server.api.Actor;
import io.quorum.server.http.AccessToken;
import io.quorum.server.http.QuorumServer;
import io.quorum.server.http.ServerMetrics;
import io.quorum.server.http.ServerSettings;
import io.quorum.server.wiring.DeskService;
import io.quorum.server.wiring.EmbeddedDesk;
import io.quorum.server.ws.SessionStreamEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The end-to-end figure of S8: from a simulated tick reaching the desk to a WebSocket client
 * receiving the next {@code position_update} frame. The whole desk as {@code quorum serve} wires it
 * ({@link EmbeddedDesk}, {@link DeskService}, {@link QuorumServer}); one session, its proposal
 * approved and auto-trading switched on, so that when the desk's own vote approved the trade a
 * position is open and every tick reprices it.
 *
 * <p>A hook subscribed to the market before the desk stamps each tick of the session's ticker as it
 * is handed out; a client receiving a position update charges every tick stamped since the previous
 * update with its wait. {@link DeskService} coalesces position updates to one per
 * {@value #COALESCING_MILLIS} ms and the simulated market hands out its ticks in bursts, so most of
 * the figure is that period by design: it is reported as it is, not against the fan-out's target.
 */
final class PositionUpdateLatency {
    /** DeskService's coalescing period for position updates (its constant is private): stated beside the figures. */
    static final long COALESCING_MILLIS = 100;
    private static final int TICK_RING = 1 << 16;
    private static final Duration PROPOSAL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POSITION_TIMEOUT = Duration.ofSeconds(5);

    private final long seed;
    private final double speed;
    private final Duration warmup;
    private final Duration measured;

    /**
     * @param speed market seconds per wall second; the market hands out that many ticks a second
     *              (one a market second), in bursts every 250 ms of wall time
     */
    PositionUpdateLatency(long seed, double speed, Duration warmup, Duration measured) {
        this.seed = seed;
        this.speed = speed;
        this.warmup = warmup;
        this.measured = measured;
    }

    List<Figure> run(String scenario) throws Exception {
        String subject = "desk tick -> position_update at a client (coalesced every " + COALESCING_MILLIS + " ms)";
        String token = "bench-" + UUID.randomUUID();
        Stamps stamps = new Stamps();
        boolean positionOpen;
        try (EmbeddedDesk embedded = new EmbeddedDesk(seed, speed, null, null, DeskSettings.defaults());
             DeskService service = new DeskService(embedded.desk(), embedded.journal());
             ExecutorService clientThread = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("ws-client").factory());
             HttpClient http = HttpClient.newBuilder().executor(clientThread).build()) {
            Ticker ticker = embedded.market().tickers().getFirst();
            MarketDataFeed.Subscription hook = embedded.market().subscribe(ticker, tick -> stamps.tickArrived(), bar -> { });
            QuorumServer server = new QuorumServer(service, AccessToken.explicit(token), ServerSettings.defaults(), new ServerMetrics(), embedded.clock())
                    .start(0, "127.0.0.1");
            try {
                embedded.start();
                Actor bench = new Actor("bench", "127.0.0.1");
                SessionId session = SessionId.of(service.createSession(ticker, bench).id());
                awaitProposal(service, session);
                service.approve(session, ProposalId.parse(service.session(session).proposal().id()), bench);
                service.enableAutoTrading(session, DeskService.DISCLOSURE.version(), bench);
                positionOpen = awaitPosition(service, session);

                URI uri = URI.create(server.baseUrl().replace("http://", "ws://") + "/ws/sessions/" + session.value());
                WebSocket socket = http.newWebSocketBuilder().header("Origin", server.baseUrl())
                        .subprotocols(SessionStreamEndpoint.SUBPROTOCOL_PREFIX + token)
                        .buildAsync(uri, new UpdateListener(stamps)).get(30, TimeUnit.SECONDS);
                Thread.sleep(warmup.toMillis());
                stamps.startRecording();
                Thread.sleep(measured.toMillis());
                stamps.stopRecording();
                socket.abort();
            } finally {
                server.stop();
                hook.close();
            }
        }
        Histogram latency = stamps.latency();
        List<Figure> rows = new ArrayList<>();
        rows.add(new Figure(scenario, subject, "p50 ms", millis(latency.getValueAtPercentile(50)), ""));
        rows.add(new Figure(scenario, subject, "p99 ms", millis(latency.getValueAtPercentile(99)), "reported; ~" + COALESCING_MILLIS + " ms by design"));
        rows.add(new Figure(scenario, subject, "p99.9 ms", millis(latency.getValueAtPercentile(99.9)), ""));
        rows.add(new Figure(scenario, subject, "max ms", millis(latency.getMaxValue()), ""));
        rows.add(new Figure(scenario, subject, "ticks measured / updates received", latency.getTotalCount() + " / " + stamps.updates(), ""));
        rows.add(new Figure(scenario, subject, "position open", positionOpen ? "yes" : "no (the desk's vote held: empty portfolio)", ""));
        return rows;
    }

    private static void awaitProposal(DeskService service, SessionId session) throws InterruptedException {
        long deadline = System.nanoTime() + PROPOSAL_TIMEOUT.toNanos();
        while (!service.session(session).state().equals("PROPOSAL")) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("no proposal within " + PROPOSAL_TIMEOUT.toSeconds() + " s: " + service.session(session).state());
            Thread.sleep(20);
        }
    }

    private static boolean awaitPosition(DeskService service, SessionId session) throws InterruptedException {
        long deadline = System.nanoTime() + POSITION_TIMEOUT.toNanos();
        while (service.positions(session).positions().isEmpty()) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(20);
        }
        return true;
    }

    private static String millis(long nanos) { return format(nanos / 1_000_000.0); }

    /**
     * Tick stamps written by the market's thread, read by the client's. The count is published
     * after the stamp, so a reader that sees the count sees the stamps below it.
     */
    private static final class Stamps {
        private final long[] tickNanos = new long[TICK_RING];
        private final Histogram latency = LatencyRecorder.newHistogram();
        private volatile int ticks;
        private int charged;
        private int updates;
        private boolean recording;

        void tickArrived() {
            int next = ticks;
            tickNanos[next % TICK_RING] = System.nanoTime();
            ticks = next + 1;
        }

        synchronized void updateReceived() {
            long now = System.nanoTime();
            int upTo = ticks;
            if (recording) {
                updates++;
                for (int tick = Math.max(charged, upTo - TICK_RING); tick < upTo; tick++) latency.recordValue(now - tickNanos[tick % TICK_RING]);
            }
            charged = upTo;
        }

        synchronized void startRecording() {
            charged = ticks;
            recording = true;
        }

        synchronized void stopRecording() { recording = false; }

        synchronized Histogram latency() { return latency.copy(); }

        synchronized int updates() { return updates; }
    }

    /** Tells the stamps when a whole position_update frame has arrived; a frame's type is the first thing in it. */
    private static final class UpdateListener implements WebSocket.Listener {
        private final Stamps stamps;
        private boolean startOfFrame = true;
        private boolean positionUpdate;

        UpdateListener(Stamps stamps) { this.stamps = stamps; }

        @Override public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (startOfFrame) positionUpdate = data.toString().startsWith("{\"type\":\"position_update\"");
            startOfFrame = last;
            if (last && positionUpdate) stamps.updateReceived();
            socket.request(1);
            return null;
        }
    }
}
