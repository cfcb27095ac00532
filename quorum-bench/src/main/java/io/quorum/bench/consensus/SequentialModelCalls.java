package io.quorum.bench.consensus;

import io.quorum.adapters.llm.LlmReasoner;
import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.PacedLoad;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.VoteAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * S4b's baseline: the same five model calls a decision needs, made one after another (each waits
 * for the one before), through the same adapter and server; no bus and no orchestrator. Each round
 * runs on a virtual thread of its own, so that rounds overlap as in the desk.
 */
final class SequentialModelCalls implements RoundCarrier {
    private final SessionId session = SessionId.of("bench-model-calls");
    private final LlmReasoner reasoner;
    private final LatencyRecorder observer;
    private final LongAdder notAnswered = new LongAdder();

    SequentialModelCalls(PacedLoad load, SlowModelServer model) {
        this.reasoner = model.reasoner();
        this.observer = new LatencyRecorder(load);
    }

    @Override public void start(int index) {
        Thread.ofVirtual().name("bench-calls-" + index).start(() -> {
            for (AgentRole role : AgentRole.VOTERS) {
                Deliberation deliberation = new Deliberation(role, session, ModelVoteRounds.proposal(index), List.of(role.displayName() + " sees a flat desk."),
                        null, List.of());
                if (!(reasoner.reason(deliberation).toCompletableFuture().join() instanceof Reasoning.Answered<VoteAnswer>)) notAnswered.increment();
            }
            arrived(index);
        });
    }

    /** Rounds end on threads of their own, and the recorder takes one at a time. */
    private synchronized void arrived(int index) { observer.arrived(index); }

    @Override public LatencyRecorder observer() { return observer; }

    @Override public List<String> faults() {
        List<String> faults = new ArrayList<>();
        if (notAnswered.sum() > 0) faults.add(notAnswered.sum() + " calls not answered");
        return faults;
    }

    @Override public void close() { reasoner.close(); }
}
