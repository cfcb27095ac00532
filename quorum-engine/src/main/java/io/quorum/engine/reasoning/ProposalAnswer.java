package io.quorum.engine.reasoning;

import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's proposal, once its answer has passed validation: the action, the size, the entry, the
 * stop and target (either may be null), the rationale in a sentence or two, and how sure it is.
 * Whether it fits the desk (an action the position allows, an entry near the last price, a stop and
 * target on their sides) is {@link #misfit}; a proposal that fits becomes the desk's {@link #proposal},
 * voted on and checked by the RiskEngine like any other.
 */
public record ProposalAnswer(TradeAction action, Size size, Price entry, Price stop, Price target, String rationale, BigDecimal confidence) implements DraftingAnswer {
    public static final int LONGEST_RATIONALE = VoteAnswer.LONGEST_REASON;
    /** The entry may be this many per cent from the rules' entry, the last price: a proposal is for now, not for another day. */
    public static final BigDecimal ENTRY_DRIFT_PCT = new BigDecimal("5");

    public ProposalAnswer {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(entry, "entry");
        if (size.amount().signum() <= 0) throw new IllegalArgumentException("size: must be positive, was " + size);
        if (rationale == null || rationale.isBlank()) throw new IllegalArgumentException("rationale: must not be blank");
        if (rationale.length() > LONGEST_RATIONALE) throw new IllegalArgumentException("rationale: at most " + LONGEST_RATIONALE + " characters");
        Objects.requireNonNull(confidence, "confidence");
        if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) throw new IllegalArgumentException("confidence: must be from 0 to 1, was " + confidence);
    }

    /** Why this proposal cannot be put to the desk {@code drafting} is about, in words; empty when it fits. */
    public Optional<String> misfit(Drafting drafting) {
        long held = drafting.held();
        Proposal ruled = drafting.ruled();
        if (action == TradeAction.ADJUST_STOPS) return Optional.of("ADJUST_STOPS is not proposed here; the stops are edited on the position");
        if (held == 0 && !(action == TradeAction.OPEN_LONG || action == TradeAction.OPEN_SHORT)) {
            return Optional.of(action + " needs a position, and the desk holds no " + ruled.ticker() + "; it may OPEN_LONG or OPEN_SHORT");
        }
        if (held != 0 && (action == TradeAction.OPEN_LONG || action == TradeAction.OPEN_SHORT)) {
            return Optional.of(action + " does not fit a desk that holds " + held + " shares of " + ruled.ticker() + "; it may INCREASE, REDUCE or CLOSE");
        }
        if (action.addsExposure() && size.unit() != Size.Unit.SHARES) {
            return Optional.of("size: " + action + " is sized in shares");
        }
        if (action == TradeAction.REDUCE && size.unit() == Size.Unit.SHARES && size.amount().longValueExact() > Math.abs(held)) {
            return Optional.of("size: reducing " + size + " is more than the " + Math.abs(held) + " held");
        }
        if (action == TradeAction.REDUCE && size.unit() == Size.Unit.PERCENT_OF_POSITION && size.amount().compareTo(BigDecimal.valueOf(100)) > 0) {
            return Optional.of("size: reducing " + size + " is more than the whole position");
        }
        BigDecimal drift = entry.toBigDecimal().subtract(ruled.entry().toBigDecimal()).abs().movePointRight(2)
                .divide(ruled.entry().toBigDecimal(), 2, RoundingMode.HALF_EVEN);
        if (drift.compareTo(ENTRY_DRIFT_PCT) > 0) {
            return Optional.of("entry $" + entry + " is " + drift.toPlainString() + "% from the last price $" + ruled.entry() + ", more than " + ENTRY_DRIFT_PCT + "%");
        }
        Direction side = direction(held);
        if (stop != null && (side == Direction.LONG ? !stop.isBelow(entry) : !stop.isAbove(entry))) {
            return Optional.of("stop $" + stop + " is not " + (side == Direction.LONG ? "below" : "above") + " the entry $" + entry + " of a " + side.name().toLowerCase());
        }
        if (target != null && (side == Direction.LONG ? !target.isAbove(entry) : !target.isBelow(entry))) {
            return Optional.of("target $" + target + " is not " + (side == Direction.LONG ? "above" : "below") + " the entry $" + entry + " of a " + side.name().toLowerCase());
        }
        return Optional.empty();
    }

    /**
     * The desk's proposal, which {@link #misfit} must have passed: the rules' id, ticker and trailing
     * stop, the model's terms, its rationale followed by {@code attribution} (who said it, at what cost).
     */
    public Proposal proposal(Drafting drafting, String attribution) {
        Proposal ruled = drafting.ruled();
        Direction side = direction(drafting.held());
        Size traded = action == TradeAction.CLOSE ? Size.percentOfPosition("100") : size;
        boolean reducing = !action.addsExposure();
        String position = side.name().toLowerCase() + " " + ruled.ticker() + " position";
        String text = switch (action) {
            case OPEN_LONG, OPEN_SHORT -> (side == Direction.LONG ? "Buy " : "Sell short ") + traded.amount().toPlainString() + " " + ruled.ticker() + ". Entry: $" + entry + terms();
            case INCREASE -> "Increase the " + position + " by " + traded + ". Entry: $" + entry + terms();
            case REDUCE -> "Reduce the " + position + " by " + traded + " at about $" + entry;
            case CLOSE -> "Close the " + position + " at about $" + entry;
            case ADJUST_STOPS -> throw new IllegalStateException("ADJUST_STOPS never fits: misfit refuses it");
        };
        return new Proposal(ruled.id(), action, ruled.ticker(), side, traded, entry, reducing ? null : stop, reducing ? null : target,
                reducing ? null : ruled.trailingStopPct(), rationale + attribution, text);
    }

    private String terms() {
        return (stop == null ? "" : ", Stop: $" + stop) + (target == null ? "" : ", Target: $" + target);
    }

    private Direction direction(long held) {
        if (action == TradeAction.OPEN_LONG) return Direction.LONG;
        if (action == TradeAction.OPEN_SHORT) return Direction.SHORT;
        return held > 0 ? Direction.LONG : Direction.SHORT;
    }
}
