package io.quorum.engine.consensus;

import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.Tally;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRecord;
import java.util.List;

/** The words of a decision, as the desk says them: {@code "APPROVED (modified) — Increase AAPL position by 15%; 4 of 5 approved, ..."}. */
final class DecisionText {
    private DecisionText() {}

    static String text(Outcome outcome, Proposal terms, String reason) {
        return label(outcome) + " — " + describe(terms) + "; " + reason;
    }

    /** Why the round ended as it did; for a cancel, the caller's reason. */
    static String reason(Ruling.Decided ruling, Closing closing, VotingRules rules) {
        Tally tally = ruling.tally();
        String count = count(tally);
        Amendment amendment = ruling.amendment();
        String bound = closing == Closing.MESSAGE_BOUND ? "; decided when the discussion reached its bound of " + rules.maxMessages() + " messages" : "";
        return switch (ruling.outcome()) {
            case APPROVED -> count + notApplied(amendment) + bound;
            case APPROVED_MODIFIED -> count + ", Risk modification accepted (" + String.join(", ", amendment.accepted()) + ")" + notApplied(amendment) + bound;
            case REJECTED -> count + ", quorum of " + tally.quorum() + " not reached";
            case VETOED -> "Risk veto: " + riskReason(ruling.votes());
            case TIMED_OUT -> count + ", " + missing(ruling.votes()) + (closing == Closing.MESSAGE_BOUND
                    ? " had not answered when the discussion reached its bound of " + rules.maxMessages() + " messages"
                    : " did not answer within " + rules.timeout().toSeconds() + " s") + "; hold, no trade";
            case CANCELLED -> throw new IllegalArgumentException("a cancel is not ruled on: it carries the caller's reason");
        };
    }

    /** Why a motion that passed is not carried out: the other motion of its round was better supported. */
    static String setAside(Tally tally, String otherMotion, Tally otherTally) {
        return count(tally) + ", but " + otherMotion + " was better supported (" + count(otherTally) + ")";
    }

    /** What a carried motion's reason adds when the other motion passed too. */
    static String carriedOver(String otherMotion, Tally otherTally) {
        return "; carried over " + otherMotion + " (" + count(otherTally) + ")";
    }

    private static String count(Tally tally) { return tally.approvals() + " of " + tally.voters() + " approved"; }

    static String describe(Proposal terms) {
        String ticker = terms.ticker().symbol();
        String what = switch (terms.action()) {
            case OPEN_LONG -> "Open long " + ticker + ", " + amount(terms.size()) + " at " + terms.entry();
            case OPEN_SHORT -> "Open short " + ticker + ", " + amount(terms.size()) + " at " + terms.entry();
            case INCREASE -> "Increase " + ticker + " position by " + amount(terms.size());
            case REDUCE -> "Reduce " + ticker + " position by " + amount(terms.size());
            case CLOSE -> "Close " + ticker + " position";
            case ADJUST_STOPS -> "Adjust " + ticker + " stops";
        };
        if (terms.stop() != null) what += ", stop " + terms.stop();
        if (terms.target() != null) what += ", target " + terms.target();
        return what;
    }

    private static String label(Outcome outcome) {
        return switch (outcome) {
            case APPROVED -> "APPROVED";
            case APPROVED_MODIFIED -> "APPROVED (modified)";
            case REJECTED -> "REJECTED";
            case VETOED -> "VETOED";
            case TIMED_OUT -> "TIMED OUT";
            case CANCELLED -> "CANCELLED";
        };
    }

    private static String amount(Size size) {
        return size.unit() == Size.Unit.SHARES ? size.amount().toPlainString() + " shares" : size.amount().stripTrailingZeros().toPlainString() + "%";
    }

    private static String notApplied(Amendment amendment) {
        return amendment.kept().isEmpty() ? "" : "; Risk modification not applied: " + String.join(", ", amendment.kept());
    }

    private static String riskReason(List<VoteRecord> votes) {
        for (VoteRecord vote : votes) {
            if (vote.choice() == VoteChoice.VETO) return vote.reason();
        }
        throw new IllegalArgumentException("a VETOED ruling without a veto");
    }

    private static long missing(List<VoteRecord> votes) {
        long count = 0;
        for (VoteRecord vote : votes) {
            if (!vote.received()) count++;
        }
        return count;
    }
}
