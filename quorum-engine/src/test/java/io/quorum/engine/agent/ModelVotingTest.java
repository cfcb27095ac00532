package io.quorum.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Attribution;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Modification;
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
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Inquiry;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.Reply;
import io.quorum.engine.reasoning.VoteAnswer;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * A language model votes, and answers the other agents' questions, for the roles it speaks for;
 * whenever it cannot, the role's rules vote or answer, and the desk is told why.
 */
class ModelVotingTest {
    private static final SessionId SESSION = SessionId.of("model-voting");
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Instant NOW = Instant.parse("2025-03-03T14:30:00Z");

    private final RecordingBus bus = new RecordingBus();
    private final FakeDeskView desk = new FakeDeskView();
    private final ModelStub model = new ModelStub();
    private final List<ReasonerCalled> recorded = new ArrayList<>();
    private final AgentContext context = new AgentContext(SESSION, AAPL, bus, new ManualClock(NOW), desk, model, (session, call) -> {
        recorded.add(call);
        // The record comes first: nothing is published yet when the call is handed over.
        assertThat(bus.published).noneMatch(message -> message.content() instanceof Vote);
    });
    /** What the agents said they were doing, with the messages published so far at that moment. */
    private final List<String> activity = new ArrayList<>();
    private final AgentContext watched = new AgentContext(SESSION, AAPL, bus, new ManualClock(NOW), desk, model, (session, call) -> recorded.add(call),
            done -> activity.add(describe(done) + " after " + bus.published.size() + " messages"));
    private final Proposal proposal = new Proposal(ProposalId.random(), TradeAction.OPEN_LONG, AAPL, Direction.LONG, Size.shares(10),
            Price.parse("100.00"), Price.parse("95.00"), Price.parse("110.00"), null, "breakout", "Buy 10 AAPL");

    @Test
    void the_model_votes_for_its_role_with_its_modification_and_the_call_is_recorded_before_the_vote() {
        RiskByRules risk = new RiskByRules(context);
        risk.onMessage(request());
        Modification smaller = new Modification(Size.shares(5), null, null);

        model.votes.answer(new VoteAnswer(VoteChoice.APPROVE, "half the size keeps the exposure under 10%", new BigDecimal("0.8"), smaller), 640, "0.0004");

        assertThat(recorded).singleElement().satisfies(call -> assertThat(call.tokens()).isEqualTo(640));
        assertThat(bus.published).singleElement().extracting(message -> (Vote) message.content()).satisfies(vote -> {
            assertThat(vote.choice()).isEqualTo(VoteChoice.APPROVE);
            assertThat(vote.modification()).isEqualTo(smaller);
            assertThat(vote.reason()).isEqualTo("half the size keeps the exposure under 10% (llama3.1:8b, confidence 0.8, 640 tokens, $0.0004)");
        });
    }

    @Test
    void the_agent_reports_thinking_then_the_models_draft_then_done_once_its_vote_carries_the_models_figures() {
        new RiskByRules(watched).onMessage(request());
        model.draft.soFar("{\"choice\":\"APP");
        model.draft.soFar("{\"choice\":\"APPROVE\",\"reason\":\"half");

        assertThat(activity).containsExactly("RISK started VOTE on " + proposal.id() + " after 0 messages",
                "RISK drafting VOTE: {\"choice\":\"APP after 0 messages",
                "RISK drafting VOTE: {\"choice\":\"APPROVE\",\"reason\":\"half after 0 messages");
        model.votes.answer(new VoteAnswer(VoteChoice.APPROVE, "half the size", new BigDecimal("0.75"), null), 640, "0.0004");

        assertThat(activity).last().isEqualTo("RISK done VOTE after 1 messages");
        assertThat(bus.published).singleElement().extracting(message -> ((Vote) message.content()).attribution())
                .isEqualTo(new Attribution("llama3.1:8b", "llama3.1:8b", new BigDecimal("0.75"), 640, 0, new BigDecimal("0.0004"), false));
    }

    @Test
    void a_model_that_falls_back_is_reported_with_its_outcome_and_the_rules_vote_carries_no_model() {
        new RiskByRules(watched).onMessage(request());

        model.votes.fallBack(ReasonerCalled.Outcome.BUDGET_SPENT, "today's 100000 tokens are spent");

        assertThat(activity).containsExactly("RISK started VOTE on " + proposal.id() + " after 0 messages",
                "RISK fell back on VOTE: BUDGET_SPENT after 0 messages", "RISK done VOTE after 2 messages");
        assertThat(bus.published).last().extracting(message -> ((Vote) message.content()).attribution()).isNull();
    }

    @Test
    void a_rules_only_vote_is_still_reported_as_started_and_done() {
        model.roles = EnumSet.noneOf(AgentRole.class);
        new RiskByRules(watched).onMessage(request());

        assertThat(activity).containsExactly("RISK started VOTE on " + proposal.id() + " after 0 messages", "RISK done VOTE after 1 messages");
    }

    @Test
    void an_answer_to_a_question_is_reported_as_started_and_done_once_published() {
        new RiskByRules(watched).onMessage(question());

        model.questions.answer(new Reply("Lightly: 4% of equity.", new BigDecimal("0.9")), 300, "0.0001");

        assertThat(activity).first().asString().startsWith("RISK started ANSWER on ");
        assertThat(activity).last().isEqualTo("RISK done ANSWER after 1 messages");
    }

    private static String describe(AgentActivity activity) {
        String who = activity.role() + " ";
        return switch (activity) {
            case AgentActivity.Started started -> who + "started " + started.work() + (started.subject() == null ? "" : " on " + started.subject());
            case AgentActivity.Drafting drafting -> who + "drafting " + drafting.work() + ": " + drafting.text();
            case AgentActivity.Done done -> who + "done " + done.work();
            case AgentActivity.FellBack fellBack -> who + "fell back on " + fellBack.work() + ": " + fellBack.outcome();
        };
    }

    @Test
    void a_model_that_cannot_answer_leaves_the_rules_vote_after_an_update_that_says_why() {
        RiskByRules risk = new RiskByRules(context);
        risk.onMessage(request());

        model.votes.fallBack(ReasonerCalled.Outcome.TIMED_OUT, "no answer within 20s");

        assertThat(recorded).singleElement().extracting(ReasonerCalled::outcome).isEqualTo(ReasonerCalled.Outcome.TIMED_OUT);
        assertThat(bus.published).hasSize(2);
        assertThat(bus.published.get(0).content()).isEqualTo(Update.of(Update.UpdateKind.REASONING, AAPL,
                "Risk votes by its rules: the model did not answer in time (no answer within 20s)."));
        assertThat(bus.published.get(1).content()).isEqualTo(new Vote(proposal.id(), VoteChoice.APPROVE, "fits the limits", null, "APPROVE — fits the limits"));
    }

    @Test
    void a_reasoner_that_breaks_its_promise_still_leaves_exactly_one_rules_vote() {
        RiskByRules risk = new RiskByRules(context);
        risk.onMessage(request());

        model.votes.pending.completeExceptionally(new IllegalStateException("bug"));

        assertThat(recorded).isEmpty();
        assertThat(bus.published).extracting(AgentMessage::content).filteredOn(Vote.class::isInstance).singleElement()
                .satisfies(vote -> assertThat(((Vote) vote).choice()).isEqualTo(VoteChoice.APPROVE));
        assertThat(bus.published).extracting(message -> message.content().text()).contains("Risk votes by its rules: the model's reasoner failed.");
    }

    @Test
    void a_role_no_model_speaks_for_votes_by_its_rules_without_a_word_about_models() {
        model.roles = EnumSet.of(AgentRole.TECHNICAL);
        new RiskByRules(context).onMessage(request());

        assertThat(model.votes.asked).isEmpty();
        assertThat(recorded).isEmpty();
        assertThat(bus.published).singleElement().extracting(AgentMessage::content).isInstanceOf(Vote.class);
    }

    @Test
    void the_model_is_asked_with_the_roles_analysis_the_desk_the_headlines_the_rules_verdict_and_the_conversation_heard() {
        desk.news.add(new NewsItem(AAPL, "Apple beats estimates", "Reuters", NOW));
        RiskByRules risk = new RiskByRules(context);
        risk.onMessage(AgentMessage.draft(SESSION, AgentRole.TECHNICAL, Recipients.all(),
                new Alert(Alert.AlertKind.PRICE_SIGNAL, Alert.Severity.INFO, AAPL, "AAPL crossed its 20-day high"), NOW).sequenced(1));
        risk.onMessage(request());

        assertThat(model.votes.asked).singleElement().satisfies(deliberation -> {
            assertThat(deliberation.role()).isEqualTo(AgentRole.RISK);
            assertThat(deliberation.proposal()).isEqualTo(proposal);
            assertThat(deliberation.facts()).first().isEqualTo("Exposure is within every limit.");
            assertThat(deliberation.facts()).anyMatch(fact -> fact.startsWith("Desk: equity $"));
            assertThat(deliberation.facts()).contains("Headline: \"Apple beats estimates\" (Reuters)");
            assertThat(deliberation.rulesVerdict()).isEqualTo("APPROVE — fits the limits");
            assertThat(deliberation.conversation()).containsExactly("Technical ALERT: AAPL crossed its 20-day high");
        });
    }

    @Test
    void a_question_is_answered_by_the_model_in_reply_to_it_with_the_call_recorded_before_the_answer() {
        RiskByRules risk = new RiskByRules(context);
        AgentMessage question = question();
        risk.onMessage(question);

        model.questions.answer(new Reply("Exposure is 4% of equity; room for 6% more before the limit.", new BigDecimal("0.9")), 310, "0.0002");

        assertThat(recorded).singleElement().satisfies(call -> {
            assertThat(call.questionId()).isEqualTo(question.id());
            assertThat(call.proposalId()).isNull();
        });
        assertThat(bus.published).singleElement().satisfies(answer -> {
            assertThat(answer.replyTo()).isEqualTo(question.id());
            assertThat(answer.content()).isEqualTo(Update.of(Update.UpdateKind.OBSERVATION, AAPL,
                    "Exposure is 4% of equity; room for 6% more before the limit. (llama3.1:8b, confidence 0.9, 310 tokens, $0.0002)")
                    .attributedTo(new Attribution("llama3.1:8b", "llama3.1:8b", new BigDecimal("0.9"), 310, 0, new BigDecimal("0.0002"), false)));
        });
    }

    @Test
    void a_model_that_cannot_answer_a_question_leaves_the_rules_answer_after_an_update_that_says_why() {
        RiskByRules risk = new RiskByRules(context);
        AgentMessage question = question();
        risk.onMessage(question);

        model.questions.fallBack(ReasonerCalled.Outcome.INVALID_ANSWER, "the answer is not JSON");

        assertThat(bus.published).hasSize(2);
        assertThat(bus.published.get(0).content().text()).isEqualTo("Risk answers by its rules: the model's answer was not valid (the answer is not JSON).");
        assertThat(bus.published.get(1).replyTo()).isEqualTo(question.id());
        assertThat(bus.published.get(1).content()).isEqualTo(RiskByRules.ANSWER);
    }

    @Test
    void a_role_no_model_answers_for_answers_by_its_rules_at_once() {
        model.roles = EnumSet.of(AgentRole.TECHNICAL);
        AgentMessage question = question();
        new RiskByRules(context).onMessage(question);

        assertThat(model.questions.asked).isEmpty();
        assertThat(bus.published).singleElement().satisfies(answer -> {
            assertThat(answer.replyTo()).isEqualTo(question.id());
            assertThat(answer.content()).isEqualTo(RiskByRules.ANSWER);
        });
    }

    @Test
    void the_model_is_asked_the_question_with_who_asked_the_roles_facts_the_rules_answer_and_the_conversation_heard() {
        RiskByRules risk = new RiskByRules(context);
        AgentMessage question = question();
        risk.onMessage(question);

        assertThat(model.questions.asked).singleElement().satisfies(inquiry -> {
            assertThat(inquiry.role()).isEqualTo(AgentRole.RISK);
            assertThat(inquiry.questionId()).isEqualTo(question.id());
            assertThat(inquiry.asker()).isEqualTo(AgentRole.FUNDAMENTAL);
            assertThat(inquiry.question()).isEqualTo("Risk, how much room is left for AAPL?");
            assertThat(inquiry.facts()).first().isEqualTo("Exposure is within every limit.");
            assertThat(inquiry.rulesAnswer()).isEqualTo(RiskByRules.ANSWER.text());
            assertThat(inquiry.conversation()).containsExactly("Fundamental QUESTION: Risk, how much room is left for AAPL?");
        });
    }

    private AgentMessage question() {
        return AgentMessage.draft(SESSION, AgentRole.FUNDAMENTAL, Recipients.of(AgentRole.RISK), new Question(AAPL, "Risk, how much room is left for AAPL?"), NOW)
                .sequenced(3);
    }

    private AgentMessage request() {
        VoteRequest request = new VoteRequest(proposal.id(), proposal, EnumSet.of(AgentRole.RISK), NOW.plusSeconds(30), "Votes please: Buy 10 AAPL");
        return AgentMessage.draft(SESSION, AgentRole.ORCHESTRATOR, Recipients.of(AgentRole.RISK), request, NOW).sequenced(2);
    }

    private static ReasonerCalled answerCall(Inquiry asked, ReasonerCalled.Outcome outcome, long tokens, String cost) {
        return new ReasonerCalled(null, asked.role(), "openai-compatible", "llama3.1:8b", "llama3.1:8b", "risk.v1+reply.v1", "cd34",
                tokens, 0, 12, new BigDecimal(cost), outcome, false, outcome.isFallback() ? "" : "{}", asked.questionId());
    }

    private static ReasonerCalled call(Deliberation asked, ReasonerCalled.Outcome outcome, long tokens, String cost) {
        return new ReasonerCalled(asked.proposal().id(), asked.role(), "openai-compatible", "llama3.1:8b", "llama3.1:8b", "risk.v1", "ab12",
                tokens, 0, 12, new BigDecimal(cost), outcome, false, outcome.isFallback() ? "" : "{}");
    }

    /** A model the test answers for, when it likes: its votes, and its answers to questions. */
    private static final class ModelStub implements Reasoner {
        EnumSet<AgentRole> roles = EnumSet.allOf(AgentRole.class);
        final Calls<Deliberation, VoteAnswer> votes = new Calls<>(ModelVotingTest::call);
        final Calls<Inquiry, Reply> questions = new Calls<>(ModelVotingTest::answerCall);

        @Override public boolean speaksFor(AgentRole role) { return roles.contains(role); }

        @Override public boolean answersFor(AgentRole role) { return roles.contains(role); }

        /** Where the latest call is told its answer so far. */
        AnswerDraft draft = AnswerDraft.IGNORED;

        @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation) { return votes.ask(deliberation); }

        @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation, AnswerDraft draft) {
            this.draft = draft;
            return votes.ask(deliberation);
        }

        @Override public CompletionStage<Reasoning<Reply>> answer(Inquiry inquiry) { return questions.ask(inquiry); }
    }

    /** One kind of call the model is asked: what it was asked, and the outcome the test gives the last one. */
    private static final class Calls<Q, A> {
        final List<Q> asked = new ArrayList<>();
        final CompletableFuture<Reasoning<A>> pending = new CompletableFuture<>();
        private final Record<Q> record;

        Calls(Record<Q> record) { this.record = record; }

        CompletableFuture<Reasoning<A>> ask(Q question) {
            asked.add(question);
            return pending;
        }

        void answer(A answer, long tokens, String cost) {
            pending.complete(new Reasoning.Answered<>(answer, record.of(asked.getLast(), ReasonerCalled.Outcome.ANSWERED, tokens, cost)));
        }

        void fallBack(ReasonerCalled.Outcome outcome, String detail) {
            pending.complete(new Reasoning.FellBack<>(detail, record.of(asked.getLast(), outcome, 0, "0")));
        }

        interface Record<Q> {
            ReasonerCalled of(Q asked, ReasonerCalled.Outcome outcome, long tokens, String cost);
        }
    }

    private static final class RiskByRules extends Agent {
        static final Update ANSWER = Update.of(Update.UpdateKind.OBSERVATION, AAPL, "Exposure is within every limit.");

        RiskByRules(AgentContext context) { super(AgentRole.RISK, context); }

        @Override protected Update answerByRules(Question question) { return ANSWER; }

        @Override public List<String> analyze() { return List.of("Exposure is within every limit."); }

        @Override public Judgement judge(Proposal proposal) { return Judgement.approve("fits the limits"); }
    }
}
