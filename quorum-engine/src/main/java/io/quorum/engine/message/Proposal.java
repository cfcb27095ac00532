package io.quorum.engine.message;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Price;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A trade put to the vote. The proposer is the sender of the carrying message. {@code direction}
 * says which side the position is (or will be) on, so that "a tighter stop" has one meaning.
 * {@code entry} is the reference price; {@code stop}, {@code target} and {@code trailingStopPct}
 * are optional (null) except where the action needs them.
 */
public record Proposal(
        ProposalId id,
        TradeAction action,
        Ticker ticker,
        Direction direction,
        Size size,
        Price entry,
        Price stop,
        Price target,
        BigDecimal trailingStopPct,
        String rationale,
        String text) implements Payload {

    public Proposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(entry, "entry");
        if (rationale == null || rationale.isBlank()) throw new IllegalArgumentException("rationale: must not be blank");
        Payload.requireText(text);
        if (action == TradeAction.OPEN_LONG && direction != Direction.LONG) throw new IllegalArgumentException("direction: OPEN_LONG must be LONG");
        if (action == TradeAction.OPEN_SHORT && direction != Direction.SHORT) throw new IllegalArgumentException("direction: OPEN_SHORT must be SHORT");
        if (action.addsExposure() && size.amount().signum() == 0) throw new IllegalArgumentException("size: must be positive for " + action);
        if (stop != null && direction == Direction.LONG && !stop.isBelow(entry)) throw new IllegalArgumentException("stop: a long's stop must be below entry " + entry + ", was " + stop);
        if (stop != null && direction == Direction.SHORT && !stop.isAbove(entry)) throw new IllegalArgumentException("stop: a short's stop must be above entry " + entry + ", was " + stop);
        if (target != null && direction == Direction.LONG && !target.isAbove(entry)) throw new IllegalArgumentException("target: a long's target must be above entry " + entry + ", was " + target);
        if (target != null && direction == Direction.SHORT && !target.isBelow(entry)) throw new IllegalArgumentException("target: a short's target must be below entry " + entry + ", was " + target);
        if (trailingStopPct != null && (trailingStopPct.signum() <= 0 || trailingStopPct.compareTo(BigDecimal.valueOf(50)) > 0)) {
            throw new IllegalArgumentException("trailingStopPct: must be in (0, 50], was " + trailingStopPct);
        }
    }

    /** The same proposal with other terms, as after a Risk modification. */
    public Proposal withTerms(Size newSize, Price newStop, Price newTarget, String newText) {
        return new Proposal(id, action, ticker, direction, newSize, entry, newStop, newTarget, trailingStopPct, rationale, newText);
    }
}
