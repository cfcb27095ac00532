package io.quorum.engine.decision;

import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent.MessageJournaled;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Payload;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.Tally;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRecord;
import io.quorum.engine.money.Price;
import io.quorum.engine.port.Journal;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one session's conversation into a journal the way the desk does: each message sequenced
 * by the bus and journaled, one second apart on the desk's clock.
 */
final class DeskTranscript {
    private final Journal journal;
    private final ManualClock clock;
    private final SessionId session;
    private long busSeq;

    DeskTranscript(Journal journal, ManualClock clock, SessionId session) {
        this.journal = journal;
        this.clock = clock;
        this.session = session;
    }

    static Proposal longProposal(String ticker, long shares, String entry, String stop, String target) {
        return new Proposal(ProposalId.random(), TradeAction.OPEN_LONG, Ticker.of(ticker), Direction.LONG, Size.shares(shares),
                Price.parse(entry), stop == null ? null : Price.parse(stop), target == null ? null : Price.parse(target), null,
                ticker + " broke above its 200-day SMA", "Open a long of " + shares + " " + ticker + " at " + entry + ".");
    }

    AgentMessage say(AgentRole sender, Payload payload) {
        AgentMessage message = AgentMessage.draft(session, sender, Recipients.all(), payload, clock.now()).sequenced(++busSeq);
        record(new MessageJournaled(message));
        return message;
    }

    AgentMessage propose(AgentRole proposer, Proposal proposal) { return say(proposer, proposal); }

    AgentMessage vote(AgentRole voter, Proposal proposal, VoteChoice choice, String reason) {
        return vote(voter, proposal, choice, reason, null);
    }

    AgentMessage vote(AgentRole voter, Proposal proposal, VoteChoice choice, String reason, Modification modification) {
        return say(voter, new Vote(proposal.id(), choice, reason, modification, voter.displayName() + ": " + choice + ", " + reason));
    }

    /**
     * The orchestrator's decision. {@code choices} are the five voters' votes in role order, the
     * proposer's included; a null choice is a voter who never answered.
     */
    JournalEntry decide(Proposal terms, Outcome outcome, String text, VoteChoice... choices) {
        List<VoteRecord> votes = new ArrayList<>();
        int approvals = 0;
        int rejections = 0;
        boolean vetoed = false;
        for (int i = 0; i < AgentRole.VOTERS.size(); i++) {
            VoteChoice choice = choices[i];
            AgentRole voter = AgentRole.VOTERS.get(i);
            if (choice == VoteChoice.APPROVE) approvals++;
            if (choice == VoteChoice.REJECT || choice == VoteChoice.VETO) rejections++;
            if (choice == VoteChoice.VETO) vetoed = true;
            votes.add(choice == null
                    ? new VoteRecord(voter, VoteChoice.ABSTAIN, "no answer in time", null, false)
                    : new VoteRecord(voter, choice, voter.displayName() + " says " + choice, null, true));
        }
        Tally tally = new Tally(approvals, rejections, AgentRole.VOTERS.size() - approvals - rejections, vetoed, 3, AgentRole.VOTERS.size());
        AgentMessage message = AgentMessage.draft(session, AgentRole.ORCHESTRATOR, Recipients.all(),
                new Decision(terms.id(), outcome, tally, votes, terms, outcome.approves() ? "" : "no quorum", text), clock.now()).sequenced(++busSeq);
        return record(new MessageJournaled(message));
    }

    JournalEntry record(JournalEvent event) {
        JournalEntry entry = journal.append(session, event);
        clock.advance(Duration.ofSeconds(1));
        return entry;
    }

    void pause(Duration duration) { clock.advance(duration); }
}
