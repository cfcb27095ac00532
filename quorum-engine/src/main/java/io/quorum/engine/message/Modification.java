package io.quorum.engine.message;

import io.quorum.engine.money.Price;

/**
 * Terms a voter wants changed before the trade goes ahead. Null fields keep the proposal's term.
 * The Risk agent's modification is applied when the proposal passes, field by field, only where
 * it is more conservative (see the consensus package).
 */
public record Modification(Size size, Price stop, Price target) {
    public Modification {
        if (size == null && stop == null && target == null) throw new IllegalArgumentException("modification: change at least one of size, stop, target");
    }
}
