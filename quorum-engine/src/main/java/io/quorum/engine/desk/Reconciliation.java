package io.quorum.engine.desk;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.position.Position;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Compares the desk's positions with the broker's, ticker by ticker. A difference is never
 * explained away as "flat", but it must be seen twice in a row before it counts, so that a fill
 * still on its way is not taken for one. Lives on the engine loop.
 */
final class Reconciliation {
    private final Set<Ticker> seenLastTime = new HashSet<>();

    /** A ticker whose quantities differ, seen at this comparison and the one before. */
    record Mismatch(Ticker ticker, long desk, long broker) {
        String describe() { return "the desk holds " + desk + " " + ticker + " but the broker reports " + broker; }
    }

    /** The confirmed mismatches, by ticker; every ticker not in the answer agrees now. */
    Map<Ticker, Mismatch> compare(Collection<Position> deskPositions, Collection<BrokerPosition> brokerPositions) {
        Map<Ticker, Long> desk = new HashMap<>();
        for (Position position : deskPositions) desk.merge(position.ticker(), position.signedQuantity(), Long::sum);
        Map<Ticker, Long> broker = new HashMap<>();
        for (BrokerPosition position : brokerPositions) broker.merge(position.ticker(), position.quantity(), Long::sum);
        Set<Ticker> tickers = new HashSet<>(desk.keySet());
        tickers.addAll(broker.keySet());
        Set<Ticker> differing = new HashSet<>();
        Map<Ticker, Mismatch> confirmed = new HashMap<>();
        for (Ticker ticker : tickers) {
            long ours = desk.getOrDefault(ticker, 0L);
            long theirs = broker.getOrDefault(ticker, 0L);
            if (ours == theirs) continue;
            differing.add(ticker);
            if (seenLastTime.contains(ticker)) confirmed.put(ticker, new Mismatch(ticker, ours, theirs));
        }
        seenLastTime.clear();
        seenLastTime.addAll(differing);
        return confirmed;
    }

    /** Whether {@code ticker} differed at the last comparison, confirmed or not. */
    boolean differs(Ticker ticker) { return seenLastTime.contains(ticker); }
}
