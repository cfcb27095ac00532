package io.quorum.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Update;
import io.quorum.engine.money.Price;
import io.quorum.engine.reasoning.ConcernAnswer;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.Rejection;
import io.quorum.engine.reasoning.VoteAnswer;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's reason whose words name no concern goes to the model when one reads for Technical; the
 * revision answers the concern the model read, and says so. The chart: $100, ATR $2, the plain card
 * buys 100 shares with a stop at $96 and a target at $106.
 */
class ModelReadsRejectionTest {
    private static final String JITTERY = "I don't like it, the market feels jittery today";

    private final FakeDeskView desk = new FakeDeskView();
    private final RecordingBus bus = new RecordingBus();
    private final ReadingModel model = new ReadingModel();
    private final List<ReasonerCalled> recorded = new ArrayList<>();
    private TechnicalAgent technical;
    private Proposal card;

    @BeforeEach
    void the_user_has_seen_the_plain_card() {
        desk.technical = FakeDeskView.calmUptrend();
        technical = new TechnicalAgent(new AgentContext(SessionId.of("s1"), Ticker.of("AAPL"), bus, new ManualClock(Instant.EPOCH), desk, model,
                (session, call) -> recorded.add(call)));
        card = technical.propose(null);
    }

    @Test
    void a_reason_that_names_no_concern_is_read_by_the_model_and_the_revision_answers_the_concern_it_read_and_says_so() {
        CompletableFuture<UserConcern.Match> read = technical.readConcern(JITTERY).toCompletableFuture();
        Rejection asked = model.asked.getLast();
        assertThat(asked.card()).isEqualTo(card);
        assertThat(asked.reason()).isEqualTo(JITTERY);
        assertThat(asked.concerns()).containsExactly("too risky", "stop too wide", "position too big", "target too far");

        model.answer(new ConcernAnswer("stop too wide", "a jittery market reaches a stop two ATRs away on noise", new BigDecimal("0.7")));

        UserConcern.Match match = read.join();
        assertThat(match.concern()).isEqualTo(UserConcern.STOP_TOO_WIDE);
        Proposal revised = technical.propose(JITTERY, match);
        assertThat(revised.stop()).isEqualTo(Price.parse("97"));
        assertThat(revised.size()).isEqualTo(card.size());
        assertThat(revised.rationale()).contains("Revised after the user's concern \"" + JITTERY + "\", which names no term, read by the model as 'stop too wide'"
                + " (a jittery market reaches a stop two ATRs away on noise (test-model, confidence 0.7, 300 tokens, $0.0001))")
                .contains("stop $96.00 → $97.00; size and target as before");
        assertThat(recorded).singleElement().satisfies(call -> assertThat(call.proposalId()).isEqualTo(card.id()));
    }

    @Test
    void a_reason_whose_words_name_a_concern_is_read_by_its_words_without_asking_the_model() {
        UserConcern.Match match = technical.readConcern("the stop is too loose").toCompletableFuture().join();

        assertThat(match.concern()).isEqualTo(UserConcern.STOP_TOO_WIDE);
        assertThat(model.asked).isEmpty();
    }

    @Test
    void when_the_model_cannot_read_the_reason_it_is_read_as_the_nearest_concern_after_an_update_that_says_why() {
        CompletableFuture<UserConcern.Match> read = technical.readConcern(JITTERY).toCompletableFuture();

        model.fallBack(ReasonerCalled.Outcome.TIMED_OUT, "no answer within 20s");

        UserConcern.Match match = read.join();
        assertThat(match.concern()).isEqualTo(UserConcern.TOO_RISKY);
        assertThat(match.modelReading()).isNull();
        assertThat(bus.published).singleElement().extracting(message -> ((Update) message.content()).text())
                .isEqualTo("Technical reads the reason by its rules: the model did not answer in time (no answer within 20s).");
        assertThat(technical.propose(JITTERY, match).rationale()).contains("read as 'too risky', the most careful revision, since it names no term");
    }

    @Test
    void a_model_that_names_a_concern_no_revision_answers_leaves_the_reading_by_the_words() {
        CompletableFuture<UserConcern.Match> read = technical.readConcern(JITTERY).toCompletableFuture();

        model.answer(new ConcernAnswer("entry too high", "the trader wants a lower entry", new BigDecimal("0.6")));

        assertThat(read.join().concern()).isEqualTo(UserConcern.TOO_RISKY);
        assertThat(((Update) bus.published.getLast().content()).text())
                .isEqualTo("Technical reads the reason by its rules: the model named no concern a revision answers (\"entry too high\").");
    }

    /** A model that reads rejections for Technical, answering when the test says. */
    private static final class ReadingModel implements Reasoner {
        final List<Rejection> asked = new ArrayList<>();
        private final CompletableFuture<Reasoning<ConcernAnswer>> pending = new CompletableFuture<>();

        @Override public boolean speaksFor(AgentRole role) { return false; }

        @Override public boolean readsFor(AgentRole role) { return role == AgentRole.TECHNICAL; }

        @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation) { throw new AssertionError("no role votes with this model"); }

        @Override public CompletionStage<Reasoning<ConcernAnswer>> readConcern(Rejection rejection) {
            asked.add(rejection);
            return pending;
        }

        void answer(ConcernAnswer answer) { pending.complete(new Reasoning.Answered<>(answer, call(ReasonerCalled.Outcome.ANSWERED, 300, "0.0001"))); }

        void fallBack(ReasonerCalled.Outcome outcome, String detail) { pending.complete(new Reasoning.FellBack<>(detail, call(outcome, 0, "0"))); }

        private ReasonerCalled call(ReasonerCalled.Outcome outcome, long tokens, String cost) {
            return new ReasonerCalled(asked.getLast().card().id(), AgentRole.TECHNICAL, "openai-compatible", "test-model", "test-model-1",
                    "technical.v1+concern.v1", "aa11", tokens, 0, 10, new BigDecimal(cost), outcome, false, outcome.isFallback() ? "" : "{}");
        }
    }
}
