package io.quorum.adapters.llm;

import io.quorum.engine.backtest.AnswersFileUse;
import io.quorum.engine.backtest.LlmAnswers;
import io.quorum.engine.backtest.desk.ReplayModel;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.port.Clock;
import io.quorum.engine.reasoning.AnswerDraft;
import io.quorum.engine.reasoning.Reasoner;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live desk's {@link LlmReasoner}, from the same {@code llm} settings, for a backtest: every
 * protection the live desk has (cache, budget, breaker, timeout, schema), with an
 * {@link AnswersFile} between it and the model:
 * <ul>
 *   <li>{@link LlmAnswers#LIVE}: every prompt is asked of the model, each answer timed as it came,
 *       and added to the file, so that the run can be replayed from it later;</li>
 *   <li>{@link LlmAnswers#CACHED}: a prompt in the file is answered from it, with the latency it
 *       was recorded with; one not in it is asked of the model and added;</li>
 *   <li>{@link LlmAnswers#RECORDED}: only the file answers; a prompt not in it makes the role answer
 *       by its rules ({@link AnswerNotRecorded}), and the model is never asked.</li>
 * </ul>
 * A reply later than the reasoner's timeout is not kept: the reasoner gave up on it, and a rerun must too.
 */
public final class LlmReplayModel implements ReplayModel, AutoCloseable {
    private final LlmAnswers answers;
    private final AnswersFile file;
    private final LlmReasoner reasoner;
    private final Set<String> notRecorded = ConcurrentHashMap.newKeySet();
    private final AtomicInteger fromFile = new AtomicInteger();
    private final AtomicInteger askedOfModel = new AtomicInteger();
    private final AtomicInteger added = new AtomicInteger();

    /**
     * @param model the provider's endpoint; never asked with {@link LlmAnswers#RECORDED}
     * @param clock the clock of the day's budget: the wall clock, so that the budget bounds what a backtest really spends in a day
     */
    LlmReplayModel(LlmSettings settings, ChatEndpoint model, Clock clock, LlmAnswers answers, AnswersFile file) {
        this.answers = answers;
        this.file = file;
        Duration timeout = settings.timeout();
        this.reasoner = new LlmReasoner(settings, (prompt, maxAnswerTokens, draft) -> ask(model, timeout, prompt, maxAnswerTokens, draft), clock);
    }

    @Override public Reasoner reasoner() { return reasoner; }

    @Override public LlmAnswers answers() { return answers; }

    /**
     * An answer the model gave (valid or not) takes the latency recorded with it in the file, which
     * is the one it came with when it was first asked; one from the reasoner's own memory of the
     * prompt, or a call that brought no reply (late, failed, not made), takes the latency its call measured.
     */
    @Override public Duration latency(ReasonerCalled call) {
        boolean replied = call.outcome() == ReasonerCalled.Outcome.ANSWERED || call.outcome() == ReasonerCalled.Outcome.INVALID_ANSWER
                || call.outcome() == ReasonerCalled.Outcome.REFUSED;
        if (answers == LlmAnswers.LIVE || call.cached() || !replied) return Duration.ofMillis(call.latencyMillis());
        return file.find(call.promptHash()).map(recorded -> Duration.ofMillis(recorded.latencyMillis())).orElse(Duration.ofMillis(call.latencyMillis()));
    }

    @Override public boolean unrecorded(ReasonerCalled call) {
        return call.outcome() == ReasonerCalled.Outcome.UNAVAILABLE && notRecorded.contains(call.promptHash());
    }

    /** What this run did with the file, so far; the file by its name, which a report shows without the folders around it. */
    public AnswersFileUse use() { return new AnswersFileUse(file.path().getFileName().toString(), fromFile.get(), askedOfModel.get(), added.get()); }

    private ModelReply ask(ChatEndpoint model, Duration timeout, Prompt prompt, int maxAnswerTokens, AnswerDraft draft) {
        if (answers != LlmAnswers.LIVE) {
            Optional<AnswersFile.Recorded> recorded = file.find(prompt.hash());
            if (recorded.isPresent()) {
                fromFile.incrementAndGet();
                return recorded.get().reply();
            }
        }
        if (answers == LlmAnswers.RECORDED) {
            notRecorded.add(prompt.hash());
            throw new AnswerNotRecorded();
        }
        askedOfModel.incrementAndGet();
        long started = System.nanoTime();
        ModelReply reply = model.ask(prompt, maxAnswerTokens, draft);
        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (tookMillis < timeout.toMillis()) {
            file.add(AnswersFile.Recorded.of(prompt, reply, tookMillis));
            added.incrementAndGet();
        }
        return reply;
    }

    @Override public void close() { reasoner.close(); }
}
