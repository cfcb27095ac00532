package io.quorum.server.api;

import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;

/** A trade the desk proposes; prices and money are decimal strings, {@code stop}, {@code target} and {@code trailingStopPct} may be null. */
public record ProposalView(String id, TradeAction action, String ticker, Direction direction, SizeView size, String entry,
                           String stop, String target, String trailingStopPct, String rationale, String text, String notional) {
    public record SizeView(Size.Unit unit, String amount) {}
}
