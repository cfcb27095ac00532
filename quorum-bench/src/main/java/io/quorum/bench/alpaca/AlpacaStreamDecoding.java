package io.quorum.bench.alpaca;

import static io.quorum.bench.LatencyResult.format;
import static io.quorum.bench.LatencyResult.micros;
import static io.quorum.bench.LatencyResult.verdict;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.adapters.alpaca.AlpacaTickRouter;
import io.quorum.adapters.alpaca.StreamDecoder;
import io.quorum.adapters.alpaca.StreamListener;
import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.PacedLoad;
import io.quorum.bench.RunLength;
import io.quorum.bench.Scenario;
import io.quorum.engine.loop.EngineLoop;
import io.quorum.engine.market.Ticker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * S10: Alpaca's market data stream, from a frame's text to the ticks in the engine loop's queue.
 * The system under test is what the Alpaca feed runs on its stream thread: {@link StreamDecoder}
 * reading each frame with Jackson's streaming parser, {@link AlpacaTickRouter} making each trade
 * and quote a tick of its ticker, and a listener that submits each tick to a running
 * {@link EngineLoop}, as the desk's does. The frames are a recorded-like tape of trades and quotes
 * (see {@link StreamTape}); the socket itself is left out, as it is the same for any decoder.
 *
 * <p>Throughput: the tape is decoded and handed off as fast as one thread can, and the figure is
 * messages per second of that thread, per wall second and per CPU-second (the target is for one
 * core), with the bytes it allocates per message. The baselines, on the same thread and the same
 * frames, are a bare Jackson parse (every token read, nothing built: the least any JSON decoder
 * does) and Jackson's tree (what a decoder built on {@code readTree} does); the ratio is the system's
 * CPU time per message over the bare parse's. The machine is shared, so each subject runs three
 * times, all of them taking turns, and each shows its fastest run. Latency: frames are sent at a fixed pace, and each
 * tick's time runs from its frame's intended arrival to its event running on the loop thread.
 */
public final class AlpacaStreamDecoding implements Scenario {
    private static final double TARGET_PER_SECOND = 200_000;
    private static final double TARGET_RATIO = 2.0;
    private static final int TAPE_FRAMES = 20_000;
    private static final int PACED_FRAMES_PER_SECOND = 10_000;
    /** Each subject runs this many times, the subjects taking turns; its fastest run (in CPU per message) is the one shown. */
    private static final int ROUNDS = 3;
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper TREE = new ObjectMapper();

    private final int quickPasses;
    private final int fullPasses;
    private final RunLength paced;

    public AlpacaStreamDecoding() { this(30, 120, RunLength.ofSeconds(PACED_FRAMES_PER_SECOND, 2, 5, 5, 30)); }

    /** Fewer passes and frames, for the smoke test. */
    public AlpacaStreamDecoding(int quickPasses, int fullPasses, RunLength paced) {
        this.quickPasses = quickPasses;
        this.fullPasses = fullPasses;
        this.paced = paced;
    }

    @Override public String id() { return "S10"; }

    @Override public String title() {
        return "Alpaca stream: decode and hand-off of trade and quote frames into the engine loop, msg/s and p99 wire → engine, against a bare Jackson parse";
    }

    @Override public List<Figure> run(Mode mode) throws InterruptedException {
        StreamTape tape = StreamTape.record(TAPE_FRAMES);
        int passes = Math.max(1, (mode == Mode.QUICK ? quickPasses : fullPasses) / ROUNDS);
        int warmupPasses = Math.max(1, passes / 2);
        List<Figure> figures = new ArrayList<>();

        Throughput bare = null;
        Throughput tree = null;
        Throughput decodeOnly = null;
        Throughput ticksMade = null;
        Throughput handOff = null;
        StreamDecoder alone = new StreamDecoder();
        StreamListener nobody = new StreamListener() { };
        try (HandOff withoutLoop = new HandOff(tape.tickers(), false); HandOff desk = new HandOff(tape.tickers(), true)) {
            for (int round = 0; round < ROUNDS; round++) {
                bare = faster(bare, measure(tape, warmupPasses, passes, this::bareParse, () -> { }));
                tree = faster(tree, measure(tape, warmupPasses, passes, this::treeParse, () -> { }));
                decodeOnly = faster(decodeOnly, measure(tape, warmupPasses, passes, frame -> alone.decode(frame, nobody), () -> { }));
                ticksMade = faster(ticksMade, measure(tape, warmupPasses, passes, withoutLoop::decode, withoutLoop::replayFromTheStart));
                handOff = faster(handOff, measure(tape, warmupPasses, passes, desk::decode, desk::replayFromTheStart));
                desk.awaitDrained();
            }
        }

        String system = "decode + hand-off to the engine loop";
        double ratio = (double) handOff.cpuNanos / handOff.messages / ((double) bare.cpuNanos / bare.messages);
        figures.add(new Figure(id(), system, "msg/s", perSecond(handOff.messages, handOff.wallNanos), "≥ 200,000"));
        figures.add(new Figure(id(), system, "msg per CPU-second", perSecond(handOff.messages, handOff.cpuNanos),
                "≥ 200,000 on one core: " + verdict(handOff.messages * 1e9 / handOff.cpuNanos >= TARGET_PER_SECOND)));
        figures.add(new Figure(id(), system, "bytes/msg", String.format(Locale.ROOT, "%.0f", (double) handOff.allocatedBytes / handOff.messages), ""));
        figures.add(new Figure(id(), system, "x bare parse (CPU per msg)", String.format(Locale.ROOT, "%.2f", ratio),
                "≤ " + TARGET_RATIO + "×: " + verdict(ratio <= TARGET_RATIO)));
        addThroughput(figures, "decode and ticks made, not handed off", ticksMade, "diagnostic");
        addThroughput(figures, "decode alone (StreamDecoder, no listener)", decodeOnly, "diagnostic");
        figures.add(new Figure(id(), "decode alone (StreamDecoder, no listener)", "x bare parse (CPU per msg)",
                String.format(Locale.ROOT, "%.2f", (double) decodeOnly.cpuNanos / decodeOnly.messages / ((double) bare.cpuNanos / bare.messages)), "diagnostic"));
        addThroughput(figures, "bare Jackson parse (tokens only)", bare, "baseline");
        addThroughput(figures, "Jackson readTree", tree, "baseline");
        figures.addAll(pacedLatency(tape, mode, system));
        return figures;
    }

    private void addThroughput(List<Figure> figures, String subject, Throughput measured, String target) {
        figures.add(new Figure(id(), subject, "msg/s", perSecond(measured.messages, measured.wallNanos), target));
        figures.add(new Figure(id(), subject, "msg per CPU-second", perSecond(measured.messages, measured.cpuNanos), target));
        figures.add(new Figure(id(), subject, "bytes/msg", String.format(Locale.ROOT, "%.0f", (double) measured.allocatedBytes / measured.messages), target));
    }

    private List<Figure> pacedLatency(StreamTape tape, Mode mode, String system) throws InterruptedException {
        PacedLoad load = new PacedLoad(PACED_FRAMES_PER_SECOND, paced.warmup(mode), paced.measured(mode));
        Histogram latency = LatencyRecorder.newHistogram();
        long messages = 0;
        for (int frame = load.warmupMessages(); frame < load.totalMessages(); frame++) messages += tape.messagesIn(frame);
        try (HandOff desk = new HandOff(tape.tickers(), true)) {
            desk.recordFrom(load, latency);
            load.run(index -> {
                if (index % tape.frames().size() == 0) desk.replayFromTheStart();
                desk.decodePaced(tape.frame(index), index);
            });
            desk.awaitDrained();
        }
        String subject = system + " at " + String.format(Locale.ROOT, "%,.0f", messages * (double) PACED_FRAMES_PER_SECOND / paced.measured(mode)) + " msg/s";
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(id(), subject, "wire→engine p50 µs", format(micros(latency.getValueAtPercentile(50))), ""));
        figures.add(new Figure(id(), subject, "wire→engine p99 µs", format(micros(latency.getValueAtPercentile(99))), "reported"));
        figures.add(new Figure(id(), subject, "wire→engine p99.9 µs", format(micros(latency.getValueAtPercentile(99.9))), ""));
        figures.add(new Figure(id(), subject, "wire→engine max µs", format(micros(latency.getMaxValue())), ""));
        figures.add(new Figure(id(), subject, "ticks measured", Long.toString(latency.getTotalCount()), ""));
        figures.add(new Figure(id(), subject, "sender late p99 µs", format(micros(load.senderLateness().getValueAtPercentile(99))), ""));
        return figures;
    }

    /**
     * Passes of the tape through {@code decode}, warmed up, then timed on this thread;
     * {@code beforeEachPass} starts the stream afresh, so that a replayed tape is not older than what came before.
     */
    private static Throughput measure(StreamTape tape, int warmupPasses, int passes, FrameReader decode, Runnable beforeEachPass) {
        for (int pass = 0; pass < warmupPasses; pass++) {
            beforeEachPass.run();
            for (String frame : tape.frames()) decode.read(frame);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            beforeEachPass.run();
            for (String frame : tape.frames()) decode.read(frame);
        }
        long wall = System.nanoTime() - started;
        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        return new Throughput((long) tape.messages() * passes, wall, cpu, allocated);
    }

    private static Throughput faster(Throughput best, Throughput run) {
        return best == null || run.cpuNanos * best.messages < best.cpuNanos * run.messages ? run : best;
    }

    private long tokens;

    private void bareParse(String frame) {
        try (JsonParser parser = JSON.createParser(frame)) {
            while (parser.nextToken() != null) tokens++;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private void treeParse(String frame) {
        try {
            tokens += TREE.readTree(frame).size();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String perSecond(long count, long nanos) { return String.format(Locale.ROOT, "%,.0f", count * 1e9 / nanos); }

    @FunctionalInterface
    private interface FrameReader {
        void read(String frame);
    }

    private record Throughput(long messages, long wallNanos, long cpuNanos, long allocatedBytes) {}

    /**
     * The feed's stream thread and the desk's engine loop: frames decoded on the calling thread, each
     * tick submitted to the loop as the desk's listener does ({@code loop.submit(() -> onTick(tick))}).
     */
    private static final class HandOff implements AutoCloseable {
        private final EngineLoop loop = new EngineLoop("s10-engine", fault -> { });
        private final StreamDecoder decoder = new StreamDecoder();
        private final List<Ticker> tickers;
        private AlpacaTickRouter router;
        private final boolean handedOff;
        private long submitted;
        private volatile long arrived;
        private int frameIndex = -1;
        private PacedLoad load;
        private Histogram latency;

        /** With {@code handedOff} false, ticks are made and counted but not submitted: what the loop's queue costs, told apart. */
        HandOff(List<Ticker> tickers, boolean handedOff) {
            this.tickers = tickers;
            this.handedOff = handedOff;
            replayFromTheStart();
        }

        /** A fresh router, as after a reconnection: the tape's first ticks are then no older than the last ones seen. */
        void replayFromTheStart() {
            router = new AlpacaTickRouter();
            for (Ticker ticker : tickers) router.listen(ticker, tick -> submit(), bar -> { });
        }

        void recordFrom(PacedLoad paced, Histogram into) {
            this.load = paced;
            this.latency = into;
        }

        void decode(String frame) { decoder.decode(frame, router); }

        void decodePaced(String frame, int index) {
            frameIndex = index;
            decoder.decode(frame, router);
        }

        private void submit() {
            submitted++;
            if (!handedOff) return;
            int index = frameIndex;
            loop.submit(() -> arrive(index));
        }

        /** On the loop thread. */
        private void arrive(int index) {
            if (load != null && index >= load.warmupMessages()) latency.recordValue(Math.max(0, System.nanoTime() - load.intendedNanos(index)));
            arrived = arrived + 1;
        }

        void awaitDrained() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (handedOff && arrived < submitted && System.nanoTime() < deadline) Thread.sleep(5);
        }

        @Override public void close() { loop.close(); }
    }
}
