package io.quorum.engine.consensus;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Tally;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tally of DESIGN §3 as a pure function of the votes so far. In order:
 * <ol>
 *   <li>a Risk VETO decides VETOED at once, whatever the count;</li>
 *   <li>until all five voters have answered and before the deadline, nothing is decided, even
 *       with a quorum of approvals: a Risk veto still to come must win;</li>
 *   <li>then at least {@code quorum} approvals decide APPROVED, or APPROVED_MODIFIED when the
 *       Risk agent approved with a modification that makes at least one term more conservative
 *       ({@link ConservativeTerms}); other voters' modifications are recorded, never applied;</li>
 *   <li>without a quorum: REJECTED when everyone answered, TIMED_OUT (hold, no trade) when the
 *       deadline came first.</li>
 * </ol>
 * The proposer counts as APPROVE whatever it sends. Missing votes count as ABSTAIN in the tally.
 */
public final class DecisionRule {
    private static final int VOTERS = AgentRole.VOTERS.size();

    private final int quorum;

    public DecisionRule(int quorum) {
        if (quorum < 1 || quorum > VOTERS) throw new IllegalArgumentException("quorum: must be in [1, " + VOTERS + "], was " + quorum);
        this.quorum = quorum;
    }

    public int quorum() { return quorum; }

    /**
     * @param received the first vote of each voter who answered in time; the proposer's entry, if any, is ignored
     * @param deadlinePassed true once the round's timeout has elapsed: missing voters will never be heard
     */
    public Ruling rule(Proposal proposal, AgentRole proposer, Map<AgentRole, Vote> received, boolean deadlinePassed) {
        if (!proposer.votes()) throw new IllegalArgumentException("proposer: " + proposer + " does not vote");
        List<VoteRecord> records = new ArrayList<>(VOTERS);
        int approvals = 0;
        int rejections = 0;
        int answered = 0;
        boolean vetoed = false;
        Vote riskVote = null;
        for (AgentRole voter : AgentRole.VOTERS) {
            if (voter == proposer) {
                records.add(new VoteRecord(voter, VoteChoice.APPROVE, "proposed it: " + proposal.rationale(), null, true));
                approvals++;
                answered++;
                continue;
            }
            Vote vote = received.get(voter);
            if (vote == null) {
                records.add(new VoteRecord(voter, VoteChoice.ABSTAIN, deadlinePassed ? "no answer before the deadline" : "no vote before the decision", null, false));
                continue;
            }
            checkBelongs(proposal, voter, vote);
            answered++;
            switch (vote.choice()) {
                case APPROVE -> approvals++;
                case REJECT -> rejections++;
                case VETO -> {
                    rejections++;
                    vetoed = true;
                }
                case ABSTAIN -> { }
            }
            if (voter == AgentRole.RISK) riskVote = vote;
            records.add(new VoteRecord(voter, vote.choice(), vote.reason(), vote.modification(), true));
        }
        Tally tally = new Tally(approvals, rejections, VOTERS - approvals - rejections, vetoed, quorum, VOTERS);
        boolean everyoneAnswered = answered == VOTERS;
        if (vetoed) return new Ruling.Decided(Outcome.VETOED, tally, records, Amendment.none(proposal));
        if (!everyoneAnswered && !deadlinePassed) return new Ruling.Undecided(tally, records);
        if (!tally.hasQuorum()) {
            return new Ruling.Decided(everyoneAnswered ? Outcome.REJECTED : Outcome.TIMED_OUT, tally, records, Amendment.none(proposal));
        }
        Amendment amendment = riskAmendment(proposal, riskVote);
        return new Ruling.Decided(amendment.changesTerms() ? Outcome.APPROVED_MODIFIED : Outcome.APPROVED, tally, records, amendment);
    }

    /** Only an approving Risk vote makes its modification binding: a Risk REJECT or ABSTAIN with one is advice. */
    private static Amendment riskAmendment(Proposal proposal, Vote riskVote) {
        if (riskVote == null || riskVote.choice() != VoteChoice.APPROVE || riskVote.modification() == null) return Amendment.none(proposal);
        return ConservativeTerms.apply(proposal, riskVote.modification());
    }

    private static void checkBelongs(Proposal proposal, AgentRole voter, Vote vote) {
        if (!vote.proposalId().equals(proposal.id())) {
            throw new IllegalArgumentException("votes: " + voter + " voted on " + vote.proposalId() + ", not " + proposal.id());
        }
        if (vote.choice() == VoteChoice.VETO && voter != AgentRole.RISK) {
            throw new IllegalArgumentException("votes: only the Risk agent may VETO, not " + voter);
        }
    }
}
