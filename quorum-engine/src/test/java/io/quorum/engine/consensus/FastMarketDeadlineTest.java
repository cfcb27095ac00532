package io.quorum.engine.consensus;

import static io.quorum.engine.message.AgentRole.EXECUTION;
import static io.quorum.engine.message.AgentRole.FUNDAMENTAL;
import static io.quorum.engine.message.AgentRole.RISK;
import static io.quorum.engine.message.AgentRole.SENTIMENT;
import static io.quorum.engine.message.AgentRole.TECHNICAL;
import static io.quorum.engine.message.VoteChoice.APPROVE;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A simulated-live desk at {@code --speed 3000}: the market clock runs 3000 times faster than the
 * user's. Vote deadlines are the user's, so agents that take a few wall seconds (hours of market
 * time) are still in time.
 */
class FastMarketDeadlineTest {
    private static final long SPEED = 3000;
    private static final Instant WALL_START = Instant.parse("2025-03-03T09:00:00Z");

    private final ManualClock market = new ManualClock(Desk.OPENING_BELL);
    private final ManualClock wall = new ManualClock(WALL_START);
    private final RecordingMessageBus bus = new RecordingMessageBus();
    private final ConsensusOrchestrator orchestrator = new ConsensusOrchestrator(Desk.SESSION, bus, market, wall, VotingRules.DEFAULT, () -> true);
    private final Proposal proposal = Desk.increaseAaplBy20Pct();

    @Test
    void votes_a_few_market_hours_late_but_within_the_wall_clock_timeout_are_counted_and_decide_the_round() {
        Opening opening = orchestrator.open(Desk.proposed(TECHNICAL, proposal, market.now()));

        for (AgentRole voter : new AgentRole[] {FUNDAMENTAL, SENTIMENT, RISK, EXECUTION}) {
            passWallTime(Duration.ofSeconds(5));
            assertThat(orchestrator.record(Desk.vote(voter, proposal, APPROVE, market.now()))).isNotInstanceOf(VoteReceipt.Ignored.class);
            orchestrator.expireDue();
        }

        assertThat(Duration.between(Desk.OPENING_BELL, market.now())).isEqualTo(Duration.ofSeconds(20 * SPEED));
        assertThat(opening).isEqualTo(new Opening.Opened(proposal.id(), WALL_START.plusSeconds(30)));
        assertThat(bus.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(decision.tally().approvals()).isEqualTo(5);
        });
        assertThat(orchestrator.ignoredVotes(VoteReceipt.Reason.AFTER_DEADLINE)).isZero();
    }

    @Test
    void the_round_times_out_on_the_wall_clock_even_if_the_market_clock_stands_still() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, market.now()));
        wall.advance(Duration.ofSeconds(30));

        assertThat(orchestrator.expireDue()).singleElement()
                .satisfies(message -> assertThat(((Decision) message.content()).outcome()).isEqualTo(Outcome.TIMED_OUT));
    }

    @Test
    void messages_stay_stamped_with_market_time() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, market.now()));
        passWallTime(Duration.ofSeconds(31));

        AgentMessage decision = orchestrator.expireDue().get(0);

        assertThat(bus.published().get(0).timestamp()).isEqualTo(Desk.OPENING_BELL);
        assertThat(decision.timestamp()).isEqualTo(Desk.OPENING_BELL.plus(Duration.ofSeconds(31 * SPEED)));
    }

    private void passWallTime(Duration wallTime) {
        wall.advance(wallTime);
        market.advance(wallTime.multipliedBy(SPEED));
    }
}
