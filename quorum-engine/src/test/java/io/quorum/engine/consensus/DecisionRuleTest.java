package io.quorum.engine.consensus;

import static io.quorum.engine.message.AgentRole.EXECUTION;
import static io.quorum.engine.message.AgentRole.FUNDAMENTAL;
import static io.quorum.engine.message.AgentRole.RISK;
import static io.quorum.engine.message.AgentRole.SENTIMENT;
import static io.quorum.engine.message.AgentRole.TECHNICAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.Tally;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRecord;
import io.quorum.engine.money.Price;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionRuleTest {
    private final Proposal proposal = Desk.increaseAaplBy20Pct();
    private final DecisionRule threeOfFive = new DecisionRule(3);

    /** Technical proposes; the other four answer in the order FUNDAMENTAL, SENTIMENT, RISK, EXECUTION; '-' means no answer. */
    @ParameterizedTest(name = "{0} {1} {2} {3}, deadline passed {4} -> {5}")
    @CsvSource(textBlock = """
            APPROVE, APPROVE, APPROVE, APPROVE, false, APPROVED
            APPROVE, APPROVE, VETO,    APPROVE, false, VETOED
            APPROVE, APPROVE, VETO,    -,       false, VETOED
            -,       -,       VETO,    -,       false, VETOED
            APPROVE, APPROVE, -,       -,       false, UNDECIDED
            APPROVE, APPROVE, -,       -,       true,  APPROVED
            APPROVE, APPROVE, APPROVE, -,       false, UNDECIDED
            APPROVE, REJECT,  REJECT,  ABSTAIN, false, REJECTED
            REJECT,  REJECT,  REJECT,  REJECT,  false, REJECTED
            APPROVE, ABSTAIN, ABSTAIN, ABSTAIN, false, REJECTED
            APPROVE, REJECT,  -,       -,       true,  TIMED_OUT
            REJECT,  REJECT,  REJECT,  -,       true,  TIMED_OUT
            -,       -,       -,       -,       true,  TIMED_OUT
            APPROVE, APPROVE, ABSTAIN, REJECT,  false, APPROVED
            """)
    void the_desk_decides_as_the_protocol_says(String fundamental, String sentiment, String risk, String execution, boolean deadlinePassed, String expected) {
        Map<AgentRole, Vote> votes = new EnumMap<>(AgentRole.class);
        put(votes, FUNDAMENTAL, fundamental);
        put(votes, SENTIMENT, sentiment);
        put(votes, RISK, risk);
        put(votes, EXECUTION, execution);

        Ruling ruling = threeOfFive.rule(proposal, TECHNICAL, votes, deadlinePassed);

        String outcome = ruling instanceof Ruling.Decided decided ? decided.outcome().name() : "UNDECIDED";
        assertThat(outcome).isEqualTo(expected);
    }

    @Test
    void risk_veto_rejects_even_with_four_approvals() {
        Ruling ruling = threeOfFive.rule(proposal, TECHNICAL, votes(FUNDAMENTAL, VoteChoice.APPROVE, SENTIMENT, VoteChoice.APPROVE, EXECUTION, VoteChoice.APPROVE, RISK, VoteChoice.VETO), false);

        assertThat(ruling).isInstanceOfSatisfying(Ruling.Decided.class, decided -> {
            assertThat(decided.outcome()).isEqualTo(Outcome.VETOED);
            assertThat(decided.tally()).isEqualTo(new Tally(4, 1, 0, true, 3, 5));
            assertThat(decided.amendment().terms()).isSameAs(proposal);
        });
    }

    @Test
    void a_quorum_is_not_enough_while_risk_may_still_veto() {
        Ruling early = threeOfFive.rule(proposal, TECHNICAL, votes(FUNDAMENTAL, VoteChoice.APPROVE, SENTIMENT, VoteChoice.APPROVE, EXECUTION, VoteChoice.APPROVE), false);

        assertThat(early).isInstanceOf(Ruling.Undecided.class);
        assertThat(early.tally().hasQuorum()).isTrue();
    }

    @Test
    void the_seeds_example_is_approved_with_the_risk_size() {
        Map<AgentRole, Vote> votes = votes(FUNDAMENTAL, VoteChoice.APPROVE, SENTIMENT, VoteChoice.APPROVE, EXECUTION, VoteChoice.APPROVE);
        votes.put(RISK, new Vote(proposal.id(), VoteChoice.APPROVE, "Reduce to 15% to keep the portfolio balanced",
                new Modification(Size.percentOfPosition("15"), null, null), "APPROVE with modification"));

        Ruling.Decided decided = (Ruling.Decided) threeOfFive.rule(proposal, TECHNICAL, votes, false);

        assertThat(decided.outcome()).isEqualTo(Outcome.APPROVED_MODIFIED);
        assertThat(decided.amendment().terms().size()).isEqualTo(Size.percentOfPosition("15"));
        assertThat(decided.tally().approvals()).isEqualTo(5);
    }

    @Test
    void a_risk_modification_that_is_not_more_conservative_leaves_the_proposal_approved_as_is() {
        Map<AgentRole, Vote> votes = votes(FUNDAMENTAL, VoteChoice.APPROVE, SENTIMENT, VoteChoice.APPROVE, EXECUTION, VoteChoice.APPROVE);
        votes.put(RISK, new Vote(proposal.id(), VoteChoice.APPROVE, "fine", new Modification(Size.percentOfPosition("30"), Price.parse("170"), null), "ok"));

        Ruling.Decided decided = (Ruling.Decided) threeOfFive.rule(proposal, TECHNICAL, votes, false);

        assertThat(decided.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decided.amendment().terms()).isSameAs(proposal);
        assertThat(decided.amendment().kept()).hasSize(2);
    }

    @Test
    void other_voters_modifications_are_recorded_but_not_applied() {
        Map<AgentRole, Vote> votes = votes(SENTIMENT, VoteChoice.APPROVE, RISK, VoteChoice.APPROVE, EXECUTION, VoteChoice.APPROVE);
        Modification smaller = new Modification(Size.percentOfPosition("5"), null, null);
        votes.put(FUNDAMENTAL, new Vote(proposal.id(), VoteChoice.APPROVE, "smaller please", smaller, "APPROVE, smaller"));

        Ruling.Decided decided = (Ruling.Decided) threeOfFive.rule(proposal, TECHNICAL, votes, false);

        assertThat(decided.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decided.amendment().terms().size()).isEqualTo(proposal.size());
        assertThat(decided.votes()).filteredOn(v -> v.voter() == FUNDAMENTAL).extracting(VoteRecord::modification).containsExactly(smaller);
    }

    @Test
    void a_risk_rejection_with_a_modification_is_advice_and_not_applied() {
        Map<AgentRole, Vote> votes = votes(FUNDAMENTAL, VoteChoice.APPROVE, SENTIMENT, VoteChoice.APPROVE, EXECUTION, VoteChoice.APPROVE);
        votes.put(RISK, new Vote(proposal.id(), VoteChoice.REJECT, "too big", new Modification(Size.percentOfPosition("10"), null, null), "REJECT"));

        Ruling.Decided decided = (Ruling.Decided) threeOfFive.rule(proposal, TECHNICAL, votes, false);

        assertThat(decided.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decided.amendment().terms()).isSameAs(proposal);
    }

    @Test
    void the_proposer_counts_as_approve_whatever_it_sent() {
        Map<AgentRole, Vote> votes = votes(TECHNICAL, VoteChoice.REJECT, FUNDAMENTAL, VoteChoice.APPROVE, SENTIMENT, VoteChoice.APPROVE,
                RISK, VoteChoice.REJECT, EXECUTION, VoteChoice.REJECT);

        Ruling.Decided decided = (Ruling.Decided) threeOfFive.rule(proposal, TECHNICAL, votes, false);

        assertThat(decided.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decided.votes().get(0)).isEqualTo(new VoteRecord(TECHNICAL, VoteChoice.APPROVE, "proposed it: " + proposal.rationale(), null, true));
    }

    @Test
    void missing_votes_count_as_abstentions_at_the_deadline() {
        Ruling.Decided decided = (Ruling.Decided) threeOfFive.rule(proposal, TECHNICAL, votes(FUNDAMENTAL, VoteChoice.REJECT), true);

        assertThat(decided.tally()).isEqualTo(new Tally(1, 1, 3, false, 3, 5));
        assertThat(decided.votes()).filteredOn(v -> !v.received()).extracting(VoteRecord::voter).containsExactly(SENTIMENT, RISK, EXECUTION);
        assertThat(decided.votes()).filteredOn(v -> !v.received()).allSatisfy(v -> assertThat(v.choice()).isEqualTo(VoteChoice.ABSTAIN));
    }

    @Test
    void the_quorum_is_configurable() {
        Map<AgentRole, Vote> fourApprovals = votes(FUNDAMENTAL, VoteChoice.APPROVE, SENTIMENT, VoteChoice.APPROVE, RISK, VoteChoice.APPROVE, EXECUTION, VoteChoice.REJECT);

        assertThat(((Ruling.Decided) new DecisionRule(5).rule(proposal, TECHNICAL, fourApprovals, false)).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(((Ruling.Decided) new DecisionRule(4).rule(proposal, TECHNICAL, fourApprovals, false)).outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void a_quorum_outside_the_five_voters_is_a_programming_error() {
        assertThatThrownBy(() -> new DecisionRule(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecisionRule(6)).isInstanceOf(IllegalArgumentException.class);
    }

    private void put(Map<AgentRole, Vote> votes, AgentRole voter, String choice) {
        if (!choice.equals("-")) votes.put(voter, new Vote(proposal.id(), VoteChoice.valueOf(choice), voter + " reason", null, choice));
    }

    private Map<AgentRole, Vote> votes(Object... voterThenChoice) {
        Map<AgentRole, Vote> votes = new EnumMap<>(AgentRole.class);
        for (int i = 0; i < voterThenChoice.length; i += 2) {
            VoteChoice choice = (VoteChoice) voterThenChoice[i + 1];
            votes.put((AgentRole) voterThenChoice[i], new Vote(proposal.id(), choice, voterThenChoice[i] + " reason", null, choice.name()));
        }
        return votes;
    }
}
