package io.quorum.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.money.Price;
import io.quorum.engine.time.ManualClock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** An agent votes when the orchestrator's VoteRequest asks it, and answers when it is ready. */
class AgentVotingTest {
    private static final SessionId SESSION = SessionId.of("voting");
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Instant NOW = Instant.parse("2025-03-03T14:30:00Z");

    private final RecordingBus bus = new RecordingBus();
    private final AgentContext context = new AgentContext(SESSION, AAPL, bus, new ManualClock(NOW), new FakeDeskView());
    private final Proposal proposal = new Proposal(ProposalId.random(), TradeAction.OPEN_LONG, AAPL, Direction.LONG, Size.shares(10),
            Price.parse("100.00"), Price.parse("95.00"), Price.parse("110.00"), null, "breakout", "Buy 10 AAPL");

    @Test
    void an_agent_asked_votes_in_reply_to_the_request_without_having_seen_the_proposal() {
        RiskStub risk = new RiskStub(context);
        AgentMessage request = request(EnumSet.of(AgentRole.RISK, AgentRole.SENTIMENT));

        risk.onMessage(request);

        assertThat(bus.published).singleElement().satisfies(message -> {
            assertThat(message.sender()).isEqualTo(AgentRole.RISK);
            assertThat(message.recipients()).isEqualTo(Recipients.of(AgentRole.ORCHESTRATOR));
            assertThat(message.replyTo()).isEqualTo(request.id());
            assertThat(message.content()).isEqualTo(new Vote(proposal.id(), VoteChoice.APPROVE, "fits the limits", null, "APPROVE — fits the limits"));
        });
    }

    @Test
    void an_agent_not_among_the_voters_asked_does_not_vote() {
        new RiskStub(context).onMessage(request(EnumSet.of(AgentRole.FUNDAMENTAL, AgentRole.SENTIMENT, AgentRole.EXECUTION)));

        assertThat(bus.published).isEmpty();
    }

    @Test
    void a_slow_agent_goes_on_with_other_messages_and_votes_when_its_reasoning_is_done() {
        RiskStub risk = new RiskStub(context);
        risk.thinking = new CompletableFuture<>();

        risk.onMessage(request(EnumSet.of(AgentRole.RISK)));
        risk.onMessage(AgentMessage.draft(SESSION, AgentRole.TECHNICAL, Recipients.all(),
                new Alert(Alert.AlertKind.PRICE_SIGNAL, Alert.Severity.INFO, AAPL, "AAPL crossed its 20-day high"), NOW));
        assertThat(bus.published).isEmpty();
        assertThat(risk.alertsSeen).isEqualTo(1);

        risk.thinking.complete(Agent.Judgement.reject("too close to the earnings date"));

        assertThat(bus.published).singleElement().extracting(AgentMessage::content)
                .satisfies(vote -> assertThat(((Vote) vote).choice()).isEqualTo(VoteChoice.REJECT));
    }

    @Test
    void reasoning_that_fails_is_an_abstention_that_says_why() {
        RiskStub risk = new RiskStub(context);
        risk.thinking = new CompletableFuture<>();

        risk.onMessage(request(EnumSet.of(AgentRole.RISK)));
        risk.thinking.completeExceptionally(new IllegalStateException("the model timed out"));

        assertThat(bus.published).singleElement().extracting(message -> (Vote) message.content()).satisfies(vote -> {
            assertThat(vote.choice()).isEqualTo(VoteChoice.ABSTAIN);
            assertThat(vote.reason()).isEqualTo("could not judge the proposal: the model timed out");
        });
    }

    private AgentMessage request(EnumSet<AgentRole> voters) {
        VoteRequest request = new VoteRequest(proposal.id(), proposal, voters, NOW.plusSeconds(30), "Votes please on Technical's proposal: Buy 10 AAPL");
        return AgentMessage.draft(SESSION, AgentRole.ORCHESTRATOR, Recipients.of(voters), request, NOW).sequenced(2);
    }

    /** A Risk agent whose reasoning a test finishes when it likes (null: at once). */
    private static final class RiskStub extends Agent {
        CompletableFuture<Judgement> thinking;
        int alertsSeen;

        RiskStub(AgentContext context) { super(AgentRole.RISK, context); }

        @Override public List<String> analyze() { return List.of(); }

        @Override public Judgement judge(Proposal proposal) { return Judgement.approve("fits the limits"); }

        @Override protected CompletionStage<Judgement> deliberate(Proposal proposal) {
            return thinking == null ? super.deliberate(proposal) : thinking;
        }

        @Override protected void onAlert(AgentMessage message, Alert alert) { alertsSeen++; }
    }
}
