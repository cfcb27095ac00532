package io.quorum.engine.consensus;

import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.money.Price;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a Risk modification field by field, taking a term only where it is more conservative
 * than the proposal's; every other term stays as proposed. "More conservative" means:
 * <ul>
 *   <li>size: smaller when the action adds exposure (open, increase); larger when it takes exposure
 *       off (reduce, at most 100 % of the position); a close or a stop adjustment keeps its size.
 *       A size in another unit cannot be compared and is ignored.</li>
 *   <li>stop: tighter, i.e. nearer the entry (higher for a long, lower for a short) but still on
 *       the loss side of the entry. A stop where the proposal had none is tighter than no stop.</li>
 *   <li>target: nearer the entry (lower for a long, higher for a short) but still on the profit
 *       side. A target where the proposal had none is nearer than no target.</li>
 * </ul>
 * A null field of the modification keeps the term, so a modification can never remove a stop.
 */
public final class ConservativeTerms {
    private static final BigDecimal WHOLE_POSITION = BigDecimal.valueOf(100);

    private ConservativeTerms() {}

    public static Amendment apply(Proposal proposal, Modification modification) {
        List<String> accepted = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        Size size = chooseSize(proposal, modification.size(), accepted, kept);
        Price stop = chooseStop(proposal, modification.stop(), accepted, kept);
        Price target = chooseTarget(proposal, modification.target(), accepted, kept);
        if (accepted.isEmpty()) return new Amendment(proposal, accepted, kept);
        Proposal terms = proposal.withTerms(size, stop, target, proposal.text() + " (Risk: " + String.join(", ", accepted) + ")");
        return new Amendment(terms, accepted, kept);
    }

    private static Size chooseSize(Proposal proposal, Size asked, List<String> accepted, List<String> kept) {
        Size proposed = proposal.size();
        if (asked == null) return proposed;
        if (asked.unit() != proposed.unit()) {
            kept.add("size " + asked + " ignored: the proposal is sized in " + unitWords(proposed.unit()));
            return proposed;
        }
        if (!isMoreConservativeSize(proposal.action(), proposed, asked)) {
            kept.add("size " + asked + " not more conservative than " + proposed + " for " + proposal.action() + ": kept " + proposed);
            return proposed;
        }
        accepted.add("size " + proposed + " -> " + asked);
        return asked;
    }

    private static boolean isMoreConservativeSize(TradeAction action, Size proposed, Size asked) {
        return switch (action) {
            case OPEN_LONG, OPEN_SHORT, INCREASE -> asked.amount().signum() > 0 && asked.isSmallerThan(proposed);
            case REDUCE -> proposed.isSmallerThan(asked)
                    && (asked.unit() == Size.Unit.SHARES || asked.amount().compareTo(WHOLE_POSITION) <= 0);
            case CLOSE, ADJUST_STOPS -> false;
        };
    }

    private static Price chooseStop(Proposal proposal, Price asked, List<String> accepted, List<String> kept) {
        Price proposed = proposal.stop();
        if (asked == null) return proposed;
        int sign = proposal.direction().sign();
        boolean onLossSide = sign * Long.compare(proposal.entry().micros(), asked.micros()) > 0;
        boolean tighter = proposed == null || sign * Long.compare(asked.micros(), proposed.micros()) > 0;
        if (!onLossSide) {
            kept.add("stop " + asked + " ignored: not on the loss side of entry " + proposal.entry() + " for a " + directionWord(proposal.direction()));
            return proposed;
        }
        if (!tighter) {
            kept.add("stop " + asked + " not tighter than " + proposed + ": kept " + proposed);
            return proposed;
        }
        accepted.add(proposed == null ? "stop added at " + asked : "stop " + proposed + " -> " + asked);
        return asked;
    }

    private static Price chooseTarget(Proposal proposal, Price asked, List<String> accepted, List<String> kept) {
        Price proposed = proposal.target();
        if (asked == null) return proposed;
        int sign = proposal.direction().sign();
        boolean onProfitSide = sign * Long.compare(asked.micros(), proposal.entry().micros()) > 0;
        boolean nearer = proposed == null || sign * Long.compare(proposed.micros(), asked.micros()) > 0;
        if (!onProfitSide) {
            kept.add("target " + asked + " ignored: not on the profit side of entry " + proposal.entry() + " for a " + directionWord(proposal.direction()));
            return proposed;
        }
        if (!nearer) {
            kept.add("target " + asked + " not nearer than " + proposed + ": kept " + proposed);
            return proposed;
        }
        accepted.add(proposed == null ? "target added at " + asked : "target " + proposed + " -> " + asked);
        return asked;
    }

    private static String unitWords(Size.Unit unit) {
        return unit == Size.Unit.SHARES ? "shares" : "% of position";
    }

    private static String directionWord(Direction direction) {
        return direction == Direction.LONG ? "long" : "short";
    }
}
