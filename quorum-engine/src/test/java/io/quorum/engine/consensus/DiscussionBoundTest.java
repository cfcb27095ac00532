package io.quorum.engine.consensus;

import static io.quorum.engine.message.AgentRole.EXECUTION;
import static io.quorum.engine.message.AgentRole.FUNDAMENTAL;
import static io.quorum.engine.message.AgentRole.RISK;
import static io.quorum.engine.message.AgentRole.SENTIMENT;
import static io.quorum.engine.message.AgentRole.TECHNICAL;
import static io.quorum.engine.message.VoteChoice.APPROVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.Update;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A discussion lasts at most N messages and M seconds before it is decided: a vote on what is in, or a hold. */
class DiscussionBoundTest {
    private final ManualClock clock = new ManualClock(Desk.OPENING_BELL);
    private final RecordingMessageBus bus = new RecordingMessageBus();
    private final Proposal proposal = Desk.openLong("AAPL");

    @Test
    void one_message_short_of_the_bound_the_round_is_still_open_and_at_the_bound_it_is_a_hold() {
        ConsensusOrchestrator orchestrator = withBound(8);
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        orchestrator.record(Desk.vote(FUNDAMENTAL, proposal, APPROVE, clock.now()));
        for (int i = 0; i < 5; i++) orchestrator.hear(saidToAll(SENTIMENT, "thinking aloud " + i));
        assertThat(orchestrator.isOpen(proposal.id())).isTrue();

        orchestrator.hear(saidToAll(SENTIMENT, "and one more"));

        Decision decision = bus.decisions().getFirst();
        assertThat(decision.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(decision.reason()).isEqualTo("2 of 5 approved, 3 had not answered when the discussion reached its bound of 8 messages; hold, no trade");
    }

    @Test
    void a_quorum_already_in_when_the_bound_is_reached_is_a_vote() {
        ConsensusOrchestrator orchestrator = withBound(6);
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        orchestrator.record(Desk.vote(FUNDAMENTAL, proposal, APPROVE, clock.now()));
        orchestrator.record(Desk.vote(RISK, proposal, APPROVE, clock.now()));
        orchestrator.hear(saidToAll(SENTIMENT, "a headline just came in"));
        orchestrator.hear(saidToAll(EXECUTION, "the spread is widening"));

        orchestrator.hear(saidToAll(SENTIMENT, "no, it was old news"));

        assertThat(bus.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(decision.reason()).endsWith("decided when the discussion reached its bound of 6 messages");
        });
    }

    @Test
    void the_last_vote_that_completes_the_round_decides_it_as_a_full_vote_even_on_the_bound() {
        ConsensusOrchestrator orchestrator = withBound(5);
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        for (AgentRole voter : new AgentRole[] {FUNDAMENTAL, SENTIMENT, RISK, EXECUTION}) orchestrator.record(Desk.vote(voter, proposal, APPROVE, clock.now()));

        assertThat(bus.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(decision.reason()).isEqualTo("5 of 5 approved");
        });
    }

    @Test
    void the_orchestrators_own_messages_and_duplicate_votes_do_not_count() {
        ConsensusOrchestrator orchestrator = withBound(5);
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        orchestrator.record(Desk.vote(FUNDAMENTAL, proposal, APPROVE, clock.now()));
        for (int i = 0; i < 10; i++) {
            orchestrator.record(Desk.vote(FUNDAMENTAL, proposal, APPROVE, clock.now()));
            orchestrator.hear(saidToAll(AgentRole.ORCHESTRATOR, "status " + i));
        }

        assertThat(orchestrator.isOpen(proposal.id())).isTrue();
    }

    @Test
    void what_is_said_about_another_ticker_of_the_session_does_not_count_towards_the_rounds_bound_and_what_names_none_does() {
        ConsensusOrchestrator orchestrator = withBound(5);
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        for (int i = 0; i < 10; i++) orchestrator.hear(saidToAll(SENTIMENT, Ticker.of("NVDA"), "NVDA chatter " + i));
        assertThat(orchestrator.isOpen(proposal.id())).isTrue();

        for (int i = 0; i < 4; i++) orchestrator.hear(saidToAll(SENTIMENT, null, "a word about the session " + i));

        assertThat(bus.decisions()).singleElement().satisfies(decision -> assertThat(decision.reason()).contains("bound of 5 messages"));
    }

    @Test
    void the_time_bound_is_the_timeout_and_both_bounds_are_configurable() {
        ConsensusOrchestrator orchestrator = new ConsensusOrchestrator(Desk.SESSION, bus, clock, clock, new VotingRules(3, Duration.ofSeconds(12), 9), () -> true);
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        clock.advance(Duration.ofSeconds(11));
        assertThat(orchestrator.expireDue()).isEmpty();

        clock.advance(Duration.ofSeconds(1));

        assertThat(orchestrator.expireDue()).singleElement().satisfies(message ->
                assertThat(((Decision) message.content()).reason()).endsWith("did not answer within 12 s; hold, no trade"));
    }

    @Test
    void a_bound_that_would_not_let_every_voter_speak_is_refused() {
        assertThatThrownBy(() -> VotingRules.DEFAULT.withMaxMessages(VotingRules.FEWEST_MESSAGES - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxMessages");
    }

    private ConsensusOrchestrator withBound(int messages) {
        return new ConsensusOrchestrator(Desk.SESSION, bus, clock, clock, VotingRules.DEFAULT.withMaxMessages(messages), () -> true);
    }

    private AgentMessage saidToAll(AgentRole speaker, String text) { return saidToAll(speaker, Ticker.of("AAPL"), text); }

    private AgentMessage saidToAll(AgentRole speaker, Ticker about, String text) {
        return AgentMessage.draft(Desk.SESSION, speaker, Recipients.all(), Update.of(Update.UpdateKind.OBSERVATION, about, text), clock.now());
    }
}
