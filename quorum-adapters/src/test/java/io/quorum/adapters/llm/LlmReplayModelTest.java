package io.quorum.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.backtest.LlmAnswers;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.VoteAnswer;
import io.quorum.engine.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live reasoner over an answers file, as a backtest asks it, against a local OpenAI-compatible server. */
class LlmReplayModelTest {
    /** Long enough for a first call with a cold HTTP client on a busy machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final ProviderStub server = new ProviderStub("openai");
    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T14:30:00Z"));
    @TempDir Path directory;

    @AfterEach void stop() { server.close(); }

    private LlmReplayModel model(LlmAnswers answers, Duration timeout) {
        LlmSettings settings = new LlmSettings(LlmProvider.OPENAI_COMPATIBLE, server.baseUrl(), Map.of(AgentRole.RISK, "gpt-4o-mini"), timeout,
                LlmSettings.Breaker.defaults(), LlmSettings.Budget.defaults(), Map.of(), 400);
        return Reasoners.forBacktest(settings, Map.of(), clock, answers, AnswersFile.open(directory.resolve("answers.jsonl")));
    }

    private static ReasonerCalled voteOn(LlmReplayModel model, ProposalId id) {
        Reasoning<VoteAnswer> reasoning = model.reasoner().reason(LlmReasonerContract.deliberation(AgentRole.RISK, id)).toCompletableFuture().join();
        return reasoning.call();
    }

    @Test void a_cached_answer_is_taken_from_the_file_on_the_next_run_with_the_latency_it_was_recorded_with() {
        server.answerAfter(Duration.ofMillis(150), LlmReasonerContract.APPROVE);
        ReasonerCalled asked;
        Duration recorded;
        try (LlmReplayModel first = model(LlmAnswers.CACHED, TIMEOUT)) {
            asked = voteOn(first, ProposalId.random());
            recorded = first.latency(asked);
            assertThat(first.use().added()).isOne();
        }

        try (LlmReplayModel second = model(LlmAnswers.CACHED, TIMEOUT)) {
            ReasonerCalled again = voteOn(second, ProposalId.random());

            assertThat(server.requests()).isOne();
            assertThat(again.outcome()).isEqualTo(ReasonerCalled.Outcome.ANSWERED);
            assertThat(again.cached()).as("not the reasoner's memory: the file's answer, counted like a call").isFalse();
            assertThat(again.tokensIn()).isEqualTo(asked.tokensIn());
            assertThat(second.latency(again)).isEqualTo(recorded).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            assertThat(second.use().fromFile()).isOne();
            assertThat(second.use().askedOfModel()).isZero();
        }
    }

    @Test void recorded_answers_never_ask_the_model_and_a_prompt_not_recorded_falls_back_without_opening_the_circuit() {
        try (LlmReplayModel model = model(LlmAnswers.RECORDED, TIMEOUT)) {
            for (int call = 0; call < 12; call++) {
                ReasonerCalled missing = voteOn(model, ProposalId.random());

                assertThat(missing.outcome()).isEqualTo(ReasonerCalled.Outcome.UNAVAILABLE);
                assertThat(model.unrecorded(missing)).isTrue();
            }
            assertThat(model.reasoner()).isInstanceOfSatisfying(LlmReasoner.class, reasoner -> assertThat(reasoner.circuit().name()).isEqualTo("CLOSED"));
        }
        assertThat(server.requests()).isZero();
    }

    @Test void a_reply_later_than_the_reasoners_timeout_is_not_kept_since_the_reasoner_gave_up_on_it() throws Exception {
        server.answerAfter(Duration.ofMillis(700), LlmReasonerContract.APPROVE);
        try (LlmReplayModel model = model(LlmAnswers.CACHED, Duration.ofMillis(300))) {
            assertThat(voteOn(model, ProposalId.random()).outcome()).isEqualTo(ReasonerCalled.Outcome.TIMED_OUT);
            Thread.sleep(900);

            assertThat(model.use().added()).isZero();
        }
        assertThat(directory.resolve("answers.jsonl")).doesNotExist();
    }

    @Test void a_line_of_the_answers_file_that_is_not_an_answer_is_refused_by_its_number() throws Exception {
        Path file = directory.resolve("answers.jsonl");
        Files.writeString(file, "\n{\"oops\":1}\n");

        assertThatThrownBy(() -> AnswersFile.open(file)).isInstanceOf(IllegalArgumentException.class).hasMessage(file + ": line 2 is not a recorded answer");
    }
}
