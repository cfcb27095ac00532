package io.quorum.engine.consensus;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.money.Price;
import java.time.Instant;

/** Small builders for the messages a desk exchanges while voting. */
final class Desk {
    static final SessionId SESSION = SessionId.of("desk-test");
    static final Instant OPENING_BELL = Instant.parse("2025-03-03T14:30:00Z");

    private Desk() {}

    /** The seed's example: increase AAPL by 20 %, entry 179, stop 175, target 190. */
    static Proposal increaseAaplBy20Pct() {
        return new Proposal(ProposalId.random(), TradeAction.INCREASE, Ticker.of("AAPL"), Direction.LONG,
                Size.percentOfPosition("20"), Price.parse("179.00"), Price.parse("175.00"), Price.parse("190.00"), null,
                "Breakout with volume confirmation + positive sentiment", "Increase position by 20%");
    }

    static Proposal openLong(String ticker) {
        return new Proposal(ProposalId.random(), TradeAction.OPEN_LONG, Ticker.of(ticker), Direction.LONG,
                Size.shares(100), Price.parse("100.00"), Price.parse("95.00"), Price.parse("110.00"), null,
                "Breakout above the 20-day high", "Buy 100 " + ticker);
    }

    static AgentMessage proposed(AgentRole proposer, Proposal proposal, Instant at) {
        return AgentMessage.draft(SESSION, proposer, Recipients.all(), proposal, at);
    }

    /** A counter-proposal: a proposal in reply to the one under vote. */
    static AgentMessage countered(AgentRole proposer, Proposal counter, AgentMessage original, Instant at) {
        return proposed(proposer, counter, at).inReplyTo(original.id());
    }

    /** Reduce an AAPL position by {@code percent}, at 100. */
    static Proposal reduceAapl(String percent) {
        return new Proposal(ProposalId.random(), TradeAction.REDUCE, Ticker.of("AAPL"), Direction.LONG, Size.percentOfPosition(percent),
                Price.parse("100.00"), null, null, null, "take risk off", "Reduce AAPL by " + percent + "%");
    }

    static AgentMessage vote(AgentRole voter, Proposal proposal, VoteChoice choice, Instant at) {
        return vote(voter, proposal, choice, null, at);
    }

    static AgentMessage vote(AgentRole voter, Proposal proposal, VoteChoice choice, Modification modification, Instant at) {
        Vote vote = new Vote(proposal.id(), choice, voter.displayName() + " says " + choice, modification, choice.name());
        return AgentMessage.draft(SESSION, voter, Recipients.of(AgentRole.ORCHESTRATOR), vote, at);
    }
}
