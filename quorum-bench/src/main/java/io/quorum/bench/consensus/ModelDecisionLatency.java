package io.quorum.bench.consensus;

import static io.quorum.bench.LatencyResult.format;
import static io.quorum.bench.LatencyResult.verdict;

import io.quorum.bench.LatencyResult;
import io.quorum.bench.RunLength;
import io.quorum.bench.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * S4b: a decision round whose votes come from a language model that takes {@code thinking} (800 ms)
 * to answer each call: five agents on the real bus and orchestrator, the model reached through the
 * real adapter over HTTP ({@link ModelVoteRounds}). The voters' calls are made at once, so the round
 * should take about one call, not the sum: the target is p99 ≤ 1.05 × 800 ms.
 *
 * <p>The baseline in the same run is the decision's five calls made one after another
 * ({@link SequentialModelCalls}), through the same adapter and server. Rounds start four a second
 * and overlap, as the desk's do; each round asks a question of its own, so no answer comes from the
 * cache.
 */
public final class ModelDecisionLatency implements Scenario {
    static final Duration THINKING = Duration.ofMillis(800);
    private static final int ROUNDS_PER_SECOND = 4;
    private static final double TARGET_RATIO = 1.05;
    private static final int WARM_UP_ROUNDS = 5;

    private final RunLength length;
    private final Duration thinking;

    /** After five rounds that load the adapter's path, 3 s of warm-up and 15 s measured in quick mode, 10 s and 60 s in full mode, for each subject. */
    public ModelDecisionLatency() { this(RunLength.ofSeconds(ROUNDS_PER_SECOND, 3, 15, 10, 60), THINKING); }

    public ModelDecisionLatency(RunLength length, Duration thinking) {
        this.length = length;
        this.thinking = thinking;
    }

    @Override public String id() { return "S4b"; }

    @Override public String title() { return "decision round with five LLM stubs answering in 800 ms each, 4 rounds/s"; }

    @Override
    public List<Figure> run(Mode mode) throws Exception {
        int warmup = length.warmup(mode);
        int measured = length.measured(mode);
        long drain = thinking.multipliedBy(20).toMillis();
        double targetMicros = TARGET_RATIO * thinking.toNanos() / 1_000.0;
        LatencyResult parallel;
        LatencyResult sequential;
        try (SlowModelServer model = new SlowModelServer(thinking)) {
            model.warmUp(WARM_UP_ROUNDS);
            parallel = DecisionRoundLatency.measure("round: agents call the model at once (LlmReasoner over HTTP)", ROUNDS_PER_SECOND, warmup, measured, drain,
                    load -> new ModelVoteRounds(load, model));
            sequential = DecisionRoundLatency.measure("5 model calls one after another", ROUNDS_PER_SECOND, warmup, measured, drain,
                    load -> new SequentialModelCalls(load, model));
        }
        List<Figure> figures = new ArrayList<>();
        figures.addAll(parallel.figures(id(), "≤ " + format(targetMicros) + " µs (1.05 × " + thinking.toMillis() + " ms): "
                + verdict(parallel.p99Micros() <= targetMicros)));
        figures.addAll(sequential.figures(id(), ""));
        figures.add(new Figure(id(), "round over 5 calls one after another", "p99 ratio", format(parallel.p99Micros() / sequential.p99Micros()), ""));
        return figures;
    }
}
