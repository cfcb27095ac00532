package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.from;
import static io.quorum.engine.desk.DeskFixture.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled.Outcome;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The analysis's vote with a language model speaking for every role: whatever the model does,
 * every voter votes exactly once, each call is journaled before its vote, and a fallback leaves the
 * tally the rules alone would have given.
 */
class ModelVoteScenarioTest {
    private static final List<AgentRole> VOTERS = List.of(AgentRole.FUNDAMENTAL, AgentRole.SENTIMENT, AgentRole.RISK, AgentRole.EXECUTION);

    @ParameterizedTest
    @EnumSource(value = Outcome.class, mode = EnumSource.Mode.EXCLUDE, names = "ANSWERED")
    void whatever_stops_the_model_the_rules_vote_once_each_and_the_tally_is_the_rules_own(Outcome outcome) {
        Decision byRules = decisionWith(Reasoner.RULES_ONLY).decision;

        Run run = decisionWith(new ScriptedModel(role -> outcome));

        assertThat(run.decision.tally()).isEqualTo(byRules.tally());
        assertThat(run.decision.outcome()).isEqualTo(byRules.outcome());
        assertOneVoteEachAfterItsRecord(run);
        assertThat(run.calls()).extracting(ReasonerCalled::outcome).containsOnly(outcome);
        assertThat(run.said(type(MessageType.UPDATE))).extracting(message -> message.content().text())
                .filteredOn(text -> text.contains("votes by its rules: " + outcome.sentence())).hasSize(VOTERS.size());
    }

    @Test
    void the_models_votes_stand_when_it_answers_and_a_unanimous_rejection_rejects() {
        Run run = decisionWith(new ScriptedModel(role -> Outcome.ANSWERED));

        assertThat(run.decision.tally().approvals()).isLessThan(run.decision.tally().quorum());
        assertThat(run.said(type(MessageType.VOTE))).extracting(message -> (Vote) message.content())
                .allSatisfy(vote -> {
                    assertThat(vote.choice()).isEqualTo(VoteChoice.REJECT);
                    assertThat(vote.reason()).startsWith("the model sees no edge here (test-model, confidence 0.7, 900 tokens, $0.0003)");
                });
        assertOneVoteEachAfterItsRecord(run);
    }

    @Test
    void a_vote_of_mixed_fortunes_still_has_one_vote_from_every_voter() {
        Map<AgentRole, Outcome> outcomes = new EnumMap<>(Map.of(AgentRole.FUNDAMENTAL, Outcome.ANSWERED, AgentRole.SENTIMENT, Outcome.TIMED_OUT,
                AgentRole.RISK, Outcome.INVALID_ANSWER, AgentRole.EXECUTION, Outcome.UNAVAILABLE));

        Run run = decisionWith(new ScriptedModel(outcomes::get));

        assertOneVoteEachAfterItsRecord(run);
        assertThat(run.decision.tally().approvals() + run.decision.tally().rejections() + run.decision.tally().abstentions()).isEqualTo(VOTERS.size() + 1);
        assertThat(run.calls()).extracting(ReasonerCalled::role, ReasonerCalled::outcome).containsExactlyInAnyOrder(
                tuple(AgentRole.FUNDAMENTAL, Outcome.ANSWERED), tuple(AgentRole.SENTIMENT, Outcome.TIMED_OUT),
                tuple(AgentRole.RISK, Outcome.INVALID_ANSWER), tuple(AgentRole.EXECUTION, Outcome.UNAVAILABLE));
    }

    private static void assertOneVoteEachAfterItsRecord(Run run) {
        assertThat(run.said(type(MessageType.VOTE))).extracting(AgentMessage::sender).containsExactlyInAnyOrderElementsOf(VOTERS);
        for (AgentRole voter : VOTERS) {
            int recorded = -1;
            int voted = -1;
            for (int i = 0; i < run.journal.size(); i++) {
                JournalEvent event = run.journal.get(i);
                if (event instanceof ReasonerCalled call && call.role() == voter) recorded = i;
                if (event instanceof JournalEvent.MessageJournaled m && m.message().sender() == voter && m.message().type() == MessageType.VOTE) voted = i;
            }
            if (run.usedModel) assertThat(recorded).as(voter + " recorded before it voted").isNotNegative().isLessThan(voted);
        }
    }

    private static Run decisionWith(Reasoner reasoner) {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).reasoner(reasoner).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.analysed();
            AgentMessage decided = desk.said(session, from(AgentRole.ORCHESTRATOR, MessageType.DECISION)).getFirst();
            return new Run((Decision) decided.content(), desk.journal(session), reasoner != Reasoner.RULES_ONLY);
        }
    }

    private record Run(Decision decision, List<JournalEvent> journal, boolean usedModel) {
        List<ReasonerCalled> calls() { return journal.stream().filter(ReasonerCalled.class::isInstance).map(ReasonerCalled.class::cast).toList(); }

        List<AgentMessage> said(Predicate<AgentMessage> what) {
            return journal.stream().filter(JournalEvent.MessageJournaled.class::isInstance).map(e -> ((JournalEvent.MessageJournaled) e).message()).filter(what).toList();
        }
    }
}
