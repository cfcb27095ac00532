package io.quorum.engine.position;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import java.util.Arrays;

/** The open positions in one ticker, in a plain array so the tick path walks them without an iterator. */
final class TickerBook {
    final Ticker ticker;
    PositionState[] positions = new PositionState[4];
    int size;
    /** Latest traded price, or the latest fill price until the first tick arrives; 0 when neither is known. */
    long lastMicros;
    boolean hasTick;
    /**
     * A tick strictly between floor and ceiling concerns none of the positions, so the tick path
     * stops there; any change to a position empties the range until the next full walk.
     */
    long quietFloor = Long.MAX_VALUE;
    long quietCeiling = Long.MIN_VALUE;

    TickerBook(Ticker ticker) { this.ticker = ticker; }

    boolean isQuietAt(long price) { return price > quietFloor && price < quietCeiling; }

    void forgetQuietRange() {
        quietFloor = Long.MAX_VALUE;
        quietCeiling = Long.MIN_VALUE;
    }

    PositionState find(SessionId session) {
        for (int i = 0; i < size; i++) {
            if (positions[i].session.equals(session)) return positions[i];
        }
        return null;
    }

    void add(PositionState position) {
        forgetQuietRange();
        if (size == positions.length) positions = Arrays.copyOf(positions, size * 2);
        positions[size++] = position;
    }

    void remove(PositionState position) {
        forgetQuietRange();
        for (int i = 0; i < size; i++) {
            if (positions[i] == position) {
                positions[i] = positions[--size];
                positions[size] = null;
                return;
            }
        }
    }
}
