package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.agent.RulesAgain;
import io.quorum.engine.decision.DecisionReplay;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled.Outcome;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.reasoning.VoteAnswer;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.simulation.ScriptedPrices;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every decision of a run with a model in it, decided again from the journal (the models' recorded
 * answers, the desk each rules vote saw), comes out the same; a changed rule or prompt shows as a difference.
 */
class DecisionReplayScenarioTest {
    /** Risk's and Execution's votes come from the model (which rejects); Fundamental's call times out, so its rules vote. */
    private static final Map<AgentRole, Outcome> OUTCOMES = Map.of(AgentRole.FUNDAMENTAL, Outcome.TIMED_OUT, AgentRole.SENTIMENT, Outcome.ANSWERED,
            AgentRole.RISK, Outcome.ANSWERED, AgentRole.EXECUTION, Outcome.ANSWERED, AgentRole.TECHNICAL, Outcome.ANSWERED);
    private static final DecisionReplay.AnswerReading AS_RECORDED =
            call -> Optional.of(new VoteAnswer(VoteChoice.valueOf(call.raw()), "read again", BigDecimal.ONE, null));

    private DeskFixture desk;
    private List<JournalEntry> journal;
    private List<Decision> decisions;

    @BeforeEach
    void runAnAnalysisARejectionAndAReanalysis() {
        desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).reasoner(new ScriptedModel(OUTCOMES::get)).build();
        desk.advance(Duration.ofMinutes(5));
        DeskSession session = desk.analysed();
        session.reject(session.proposal().orElseThrow().id(), "stop too wide", USER);
        await().atMost(DeskFixture.PATIENCE).until(() -> desk.said(session, from(AgentRole.ORCHESTRATOR, MessageType.DECISION)).size() == 2
                && session.state() == SessionState.PROPOSAL);
        journal = desk.journal.read(session.id(), 0, Integer.MAX_VALUE);
        decisions = desk.said(session, from(AgentRole.ORCHESTRATOR, MessageType.DECISION)).stream().map(AgentMessage::content).map(Decision.class::cast).toList();
    }

    @AfterEach
    void closeTheDesk() { desk.close(); }

    @Test
    void every_decision_of_the_run_decided_again_from_the_journal_comes_out_the_same() {
        DecisionReplay replay = new DecisionReplay(AS_RECORDED, prompts(), new RulesAgain());

        for (Decision decision : decisions) {
            DecisionReplay.Replayed replayed = replay.replay(journal, decision.proposalId()).orElseThrow();
            assertThat(replayed.differences()).isEmpty();
            assertThat(replayed.outcome()).isEqualTo(decision.outcome());
            assertThat(replayed.tally()).isEqualTo(decision.tally());
            assertThat(replayed.terms()).isEqualTo(decision.terms());
        }
    }

    @Test
    void every_vote_is_journaled_with_the_desk_its_voter_saw_before_the_vote() {
        for (Decision decision : decisions) {
            List<JournalEvent.VoteSeen> seen = journal.stream().map(JournalEntry::event).filter(JournalEvent.VoteSeen.class::isInstance)
                    .map(JournalEvent.VoteSeen.class::cast).filter(vote -> vote.proposalId().equals(decision.proposalId())).toList();
            assertThat(seen).extracting(JournalEvent.VoteSeen::role)
                    .containsExactlyInAnyOrder(AgentRole.FUNDAMENTAL, AgentRole.SENTIMENT, AgentRole.RISK, AgentRole.EXECUTION);
            JournalEvent.VoteSeen fundamental = seen.stream().filter(vote -> vote.role() == AgentRole.FUNDAMENTAL).findFirst().orElseThrow();
            assertThat(fundamental.seen().fundamentals()).as("Fundamental's rules read the valuation").isPresent();
            JournalEvent.VoteSeen risk = seen.stream().filter(vote -> vote.role() == AgentRole.RISK).findFirst().orElseThrow();
            assertThat(risk.seen().exposure()).isNotNull();
            assertThat(risk.seen().limitsAsked()).as("Risk asked the account's limits about the entry").isNotEmpty();
        }
    }

    @Test
    void a_changed_rule_of_a_role_that_voted_by_its_rules_shows_as_a_difference_and_changes_the_tally() {
        DecisionReplay.RulesReading stricter = (session, proposal, seen) -> seen.role() == AgentRole.FUNDAMENTAL
                ? DecisionReplay.Verdict.of(VoteChoice.REJECT, "valuation stretched under a stricter rule", null)
                : new RulesAgain().vote(session, proposal, seen);
        Decision first = decisions.getFirst();
        VoteChoice counted = first.votes().stream().filter(vote -> vote.voter() == AgentRole.FUNDAMENTAL).findFirst().orElseThrow().choice();

        DecisionReplay.Replayed replayed = new DecisionReplay(AS_RECORDED, prompts(), stricter).replay(journal, first.proposalId()).orElseThrow();

        assertThat(counted).as("the run's Fundamental did not reject").isNotEqualTo(VoteChoice.REJECT);
        assertThat(replayed.differences()).contains("Fundamental: its rules vote REJECT today on the desk it saw, " + counted
                + " was counted (valuation stretched under a stricter rule)");
        assertThat(replayed.tally().rejections()).isEqualTo(first.tally().rejections() + 1);
    }

    @Test
    void a_rule_that_now_asks_for_something_the_vote_never_looked_at_is_said_and_the_recorded_vote_stands() {
        DecisionReplay.RulesReading curious = (session, proposal, seen) -> seen.role() == AgentRole.FUNDAMENTAL
                ? DecisionReplay.Verdict.unanswerable("its rules now ask for the sizing rule was not asked when the vote was cast")
                : new RulesAgain().vote(session, proposal, seen);
        Decision first = decisions.getFirst();

        DecisionReplay.Replayed replayed = new DecisionReplay(AS_RECORDED, prompts(), curious).replay(journal, first.proposalId()).orElseThrow();

        assertThat(replayed.differences()).containsExactly("Fundamental: its rules now ask for the sizing rule was not asked when the vote was cast,"
                + " so its rules cannot be asked again on the desk it saw (the recorded vote stands here)");
        assertThat(replayed.outcome()).isEqualTo(first.outcome());
    }

    @Test
    void calls_a_model_made_to_answer_questions_are_passed_over_when_a_decision_is_decided_again() {
        JournalEntry first = journal.getFirst();
        JournalEvent.ReasonerCalled answering = new JournalEvent.ReasonerCalled(null, AgentRole.SENTIMENT, "scripted", "test-model", "test-model-1",
                "sentiment.v1+reply.v1", "00ff", 380, 20, 5, new BigDecimal("0.0002"), Outcome.ANSWERED, false, "{}", UUID.randomUUID());
        List<JournalEntry> withAnAnswer = new ArrayList<>(journal);
        withAnAnswer.add(1, new JournalEntry(first.session(), first.seq() + 1, first.time(), answering, first.hash()));
        Decision decision = decisions.getFirst();

        DecisionReplay.Replayed replayed = new DecisionReplay(AS_RECORDED, prompts(), new RulesAgain()).replay(withAnAnswer, decision.proposalId()).orElseThrow();

        assertThat(replayed.differences()).isEmpty();
        assertThat(replayed.outcome()).isEqualTo(decision.outcome());
    }

    @Test
    void a_model_answer_read_differently_today_changes_the_outcome_and_says_so() {
        DecisionReplay replay = new DecisionReplay(call -> Optional.of(new VoteAnswer(VoteChoice.APPROVE, "read again", BigDecimal.ONE, null)), prompts(), new RulesAgain());
        Decision first = decisions.getFirst();

        DecisionReplay.Replayed replayed = replay.replay(journal, first.proposalId()).orElseThrow();

        assertThat(replayed.outcome()).isNotEqualTo(first.outcome());
        assertThat(replayed.differences()).contains("Risk: the model's recorded answer reads APPROVE today, REJECT was counted")
                .anyMatch(difference -> difference.startsWith("outcome: " + first.outcome() + " then, "));
    }

    @Test
    void a_changed_prompt_shows_as_a_difference_for_the_roles_it_changes() {
        Map<AgentRole, String> prompts = new EnumMap<>(prompts());
        prompts.put(AgentRole.RISK, "risk.v2");

        DecisionReplay.Replayed replayed = new DecisionReplay(AS_RECORDED, prompts, new RulesAgain()).replay(journal, decisions.getFirst().proposalId()).orElseThrow();

        assertThat(replayed.differences()).containsExactly("Risk: asked with prompt risk.v1; today's prompt is risk.v2, so the model would be asked another question");
        assertThat(replayed.outcome()).isEqualTo(decisions.getFirst().outcome());
    }

    private static Map<AgentRole, String> prompts() {
        Map<AgentRole, String> prompts = new EnumMap<>(AgentRole.class);
        for (AgentRole role : AgentRole.VOTERS) prompts.put(role, ScriptedModel.promptVersion(role));
        return prompts;
    }
}
