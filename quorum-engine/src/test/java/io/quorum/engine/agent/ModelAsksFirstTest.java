package io.quorum.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Attribution;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.money.Price;
import io.quorum.engine.reasoning.AnswerDraft;
import io.quorum.engine.reasoning.Consideration;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.QuestionFirst;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.VoteAnswer;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A model may ask another agent one question before it votes: the question goes to that agent, and
 * the model votes once the answer is in, on what the answer says.
 */
class ModelAsksFirstTest {
    private static final SessionId SESSION = SessionId.of("model-asks");
    private static final Ticker NVDA = Ticker.of("NVDA");
    private static final Instant NOW = Instant.parse("2025-03-03T14:30:00Z");
    private static final String ASKED = "Is there a headline behind the breakout?";

    private final RecordingBus bus = new RecordingBus();
    private final AskingModel model = new AskingModel();
    private final List<ReasonerCalled> recorded = new CopyOnWriteArrayList<>();
    private final AgentContext context = new AgentContext(SESSION, NVDA, bus, new ManualClock(NOW), new FakeDeskView(), model, (session, call) -> recorded.add(call));
    private final Proposal proposal = new Proposal(ProposalId.random(), TradeAction.OPEN_LONG, NVDA, Direction.LONG, Size.shares(40),
            Price.parse("100.00"), Price.parse("95.00"), Price.parse("110.00"), null, "breakout above the 20-day high", "Buy 40 NVDA");
    private final Agent fundamental = new FundamentalByRules(context);

    @ParameterizedTest(name = "Sentiment answers \"{0}\": the model votes {1}")
    @CsvSource(delimiter = '|', textBlock = """
            No news behind it. News sentiment score: 0.00 (neutral).                   | APPROVE
            Negative news. Regulators widened the export probe an hour ago.             | REJECT
            """)
    void the_models_vote_follows_the_answer_to_the_question_it_asked_first(String answer, VoteChoice vote) {
        fundamental.onMessage(request(Duration.ofSeconds(30)));

        AgentMessage question = bus.published.getFirst();
        assertThat(question.type()).isEqualTo(MessageType.QUESTION);
        assertThat(question.recipients()).isEqualTo(Recipients.of(AgentRole.SENTIMENT));
        assertThat(((Question) question.content()).text()).isEqualTo(ASKED + " (test-model, confidence 0.6, 300 tokens, $0.0001)");
        assertThat(((Question) question.content()).attribution())
                .isEqualTo(new Attribution("test-model", "test-model-1", new BigDecimal("0.6"), 300, 0, new BigDecimal("0.0001"), false));
        assertThat(recorded).as("the question's call is recorded before the question is said").hasSize(1);

        fundamental.onMessage(answer(question, AgentRole.SENTIMENT, answer));

        Vote cast = voteCast();
        assertThat(cast.choice()).isEqualTo(vote);
        assertThat(cast.reason()).startsWith("Sentiment said: " + answer);
        assertThat(model.asked).hasSize(2);
        assertThat(model.asked.get(0).mayAsk()).containsExactly(AgentRole.TECHNICAL, AgentRole.SENTIMENT, AgentRole.RISK, AgentRole.EXECUTION);
        assertThat(model.asked.get(1).mayAsk()).as("one question a vote").isEmpty();
        assertThat(model.asked.get(1).asked()).isEqualTo(new Deliberation.Exchange(AgentRole.SENTIMENT, ASKED, answer));
        assertThat(recorded).hasSize(2).allSatisfy(call -> assertThat(call.proposalId()).isEqualTo(proposal.id()));
    }

    @Test
    void an_answer_from_another_agent_than_the_one_asked_is_not_taken_for_it() {
        fundamental.onMessage(request(Duration.ofSeconds(30)));
        AgentMessage question = bus.published.getFirst();

        fundamental.onMessage(answer(question, AgentRole.TECHNICAL, "Negative news, trust me."));

        assertThat(bus.published).noneMatch(message -> message.content() instanceof Vote);
        assertThat(model.asked).hasSize(1);
    }

    @Test
    void a_question_left_unanswered_for_half_the_time_the_vote_leaves_is_voted_on_without_its_answer() {
        fundamental.onMessage(request(Duration.ofMillis(400)));

        Vote cast = voteCast();

        assertThat(cast.choice()).isEqualTo(VoteChoice.ABSTAIN);
        assertThat(cast.reason()).startsWith("no answer came from Sentiment");
        assertThat(model.asked.get(1).asked()).isEqualTo(new Deliberation.Exchange(AgentRole.SENTIMENT, ASKED, null));
    }

    @Test
    void a_model_that_votes_at_once_asks_nothing() {
        model.asksFirst = false;
        fundamental.onMessage(request(Duration.ofSeconds(30)));

        assertThat(voteCast().choice()).isEqualTo(VoteChoice.ABSTAIN);
        assertThat(bus.published).noneMatch(message -> message.content() instanceof Question);
        assertThat(model.asked).hasSize(1);
    }

    private Vote voteCast() {
        await().atMost(Duration.ofSeconds(10)).until(() -> bus.published.stream().anyMatch(message -> message.content() instanceof Vote));
        return bus.published.stream().map(AgentMessage::content).filter(Vote.class::isInstance).map(Vote.class::cast).findFirst().orElseThrow();
    }

    private AgentMessage request(Duration left) {
        VoteRequest request = new VoteRequest(proposal.id(), proposal, EnumSet.of(AgentRole.FUNDAMENTAL), NOW.plus(left), "Votes please: Buy 40 NVDA");
        return AgentMessage.draft(SESSION, AgentRole.ORCHESTRATOR, Recipients.of(AgentRole.FUNDAMENTAL), request, NOW).expectingResponseWithin(left).sequenced(1);
    }

    private static AgentMessage answer(AgentMessage question, AgentRole from, String text) {
        return AgentMessage.draft(SESSION, from, Recipients.all(), Update.of(Update.UpdateKind.OBSERVATION, NVDA, text), NOW).inReplyTo(question.id()).sequenced(9);
    }

    /**
     * A model speaking for Fundamental that asks Sentiment first, then votes on the answer: APPROVE
     * when there is no news, REJECT on negative news, ABSTAIN when no answer came.
     */
    private static final class AskingModel implements Reasoner {
        final List<Deliberation> asked = new CopyOnWriteArrayList<>();
        volatile boolean asksFirst = true;

        @Override public boolean speaksFor(AgentRole role) { return role == AgentRole.FUNDAMENTAL; }

        @Override public CompletionStage<Reasoning<Consideration>> consider(Deliberation deliberation, AnswerDraft draft) {
            if (!asksFirst) return reason(deliberation).thenApply(reasoning -> reasoning.map(vote -> vote));
            asked.add(deliberation);
            QuestionFirst question = new QuestionFirst(AgentRole.SENTIMENT, ASKED, new BigDecimal("0.6"));
            return CompletableFuture.completedFuture(new Reasoning.Answered<>(question, call(deliberation, 300, "0.0001")));
        }

        @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation) {
            asked.add(deliberation);
            Deliberation.Exchange exchange = deliberation.asked();
            VoteAnswer vote = exchange == null ? new VoteAnswer(VoteChoice.ABSTAIN, "nothing to go on", new BigDecimal("0.3"), null)
                    : exchange.answer() == null ? new VoteAnswer(VoteChoice.ABSTAIN, "no answer came from Sentiment", new BigDecimal("0.3"), null)
                    : new VoteAnswer(exchange.answer().startsWith("Negative") ? VoteChoice.REJECT : VoteChoice.APPROVE,
                            "Sentiment said: " + exchange.answer(), new BigDecimal("0.8"), null);
            return CompletableFuture.completedFuture(new Reasoning.Answered<>(vote, call(deliberation, 500, "0.0002")));
        }

        private static ReasonerCalled call(Deliberation asked, long tokens, String cost) {
            return new ReasonerCalled(asked.proposal().id(), asked.role(), "openai-compatible", "test-model", "test-model-1", "fundamental.v1+answer.v2",
                    "ab12", tokens, 0, 12, new BigDecimal(cost), ReasonerCalled.Outcome.ANSWERED, false, "{}");
        }
    }

    private static final class FundamentalByRules extends Agent {
        FundamentalByRules(AgentContext context) { super(AgentRole.FUNDAMENTAL, context); }

        @Override public List<String> analyze() { return List.of("P/E 31 against a sector median of 28."); }

        @Override public Judgement judge(Proposal proposal) { return Judgement.approve("valuation within its range"); }
    }
}
