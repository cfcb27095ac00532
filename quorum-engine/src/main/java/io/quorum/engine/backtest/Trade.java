package io.quorum.engine.backtest;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import java.time.Instant;
import java.util.Objects;

/**
 * A round trip of a backtest: entered and left at these times and prices (micro-dollars). The P&L
 * is net of both commissions: direction × shares × (exit − entry) − commission.
 */
public record Trade(Ticker ticker, Direction direction, long shares, Instant entryTime, long entryMicros, Instant exitTime, long exitMicros,
                    long commissionMicros, TradeExit exit, long barsHeld) {
    public Trade {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(exit, "exit");
        if (shares <= 0) throw new IllegalArgumentException("a trade has shares: " + shares);
        if (exitTime.isBefore(entryTime)) throw new IllegalArgumentException("a trade cannot end before it starts");
    }

    public long pnlMicros() {
        long gross = Math.multiplyExact(Math.multiplyExact(shares, direction.sign()), Math.subtractExact(exitMicros, entryMicros));
        return Math.subtractExact(gross, commissionMicros);
    }
}
