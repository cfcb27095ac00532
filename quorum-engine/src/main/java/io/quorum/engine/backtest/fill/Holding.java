package io.quorum.engine.backtest.fill;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.position.Protection;
import java.time.Instant;
import java.util.Objects;

/**
 * An open position of a backtest: its shares (negative for a short), where and when it was
 * entered, the number of the ticker's bar its entry filled on, and its protective levels with the
 * trailing stop reached so far (0 when it has none).
 */
public record Holding(Ticker ticker, long signedShares, long entryMicros, long entryCommissionMicros, Instant entryTime,
                      long entryBar, Protection protection, long trailingStopMicros) {
    public Holding {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(protection, "protection");
        if (signedShares == 0) throw new IllegalArgumentException("a holding has shares");
        if (entryMicros <= 0) throw new IllegalArgumentException("entry price must be positive: " + entryMicros);
    }

    /** A position entered at {@code entryMicros}; a trailing stop starts from the entry price. */
    public static Holding entered(Ticker ticker, long signedShares, long entryMicros, long entryCommissionMicros, Instant entryTime,
                                  long entryBar, Protection protection) {
        Holding opened = new Holding(ticker, signedShares, entryMicros, entryCommissionMicros, entryTime, entryBar, protection, 0);
        return opened.ratchetedOn(entryMicros);
    }

    public boolean isLong() { return signedShares > 0; }

    public long shares() { return Math.abs(signedShares); }

    /**
     * The trailing stop moved by a close: max(level, close × (1 − trail)) for a long, min(level,
     * close × (1 + trail)) for a short, so it only ever tightens. Rounded the way the live
     * position manager rounds: a long's level down, a short's up.
     */
    public Holding ratchetedOn(long closeMicros) {
        int basisPoints = protection.trailingBasisPoints();
        if (basisPoints == 0) return this;
        long level = isLong()
                ? Math.multiplyExact(closeMicros, Costs.BASIS_POINTS - basisPoints) / Costs.BASIS_POINTS
                : Math.ceilDiv(Math.multiplyExact(closeMicros, Costs.BASIS_POINTS + basisPoints), Costs.BASIS_POINTS);
        boolean tighter = trailingStopMicros == 0 || (isLong() ? level > trailingStopMicros : level < trailingStopMicros);
        return tighter ? new Holding(ticker, signedShares, entryMicros, entryCommissionMicros, entryTime, entryBar, protection, level) : this;
    }

    /** The market value of the shares at {@code priceMicros}, negative for a short. */
    public long valueAt(long priceMicros) { return Math.multiplyExact(signedShares, priceMicros); }
}
