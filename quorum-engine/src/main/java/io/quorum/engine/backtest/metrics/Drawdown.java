package io.quorum.engine.backtest.metrics;

import io.quorum.engine.backtest.EquityPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The deepest fall of an equity curve from a running peak, and how long it lasted: from that peak until the curve was back at it, or the end. */
record Drawdown(double depth, long bars, Duration duration) {
    static Drawdown of(long startMicros, List<EquityPoint> curve) {
        if (curve.isEmpty()) return new Drawdown(0, 0, Duration.ZERO);
        long peak = startMicros;
        int peakIndex = 0;
        double deepest = 0;
        int deepestPeak = 0;
        for (int i = 0; i < curve.size(); i++) {
            long equity = curve.get(i).equityMicros();
            if (equity >= peak) {
                peak = equity;
                peakIndex = i;
            } else if ((double) (peak - equity) / peak > deepest) {
                deepest = (double) (peak - equity) / peak;
                deepestPeak = peakIndex;
            }
        }
        if (deepest == 0) return new Drawdown(0, 0, Duration.ZERO);
        long peakEquity = deepestPeak == 0 && curve.getFirst().equityMicros() < startMicros ? startMicros : curve.get(deepestPeak).equityMicros();
        int recovered = curve.size() - 1;
        for (int i = deepestPeak + 1; i < curve.size(); i++) {
            if (curve.get(i).equityMicros() >= peakEquity) {
                recovered = i;
                break;
            }
        }
        Instant from = curve.get(deepestPeak).time();
        return new Drawdown(deepest, recovered - deepestPeak, Duration.between(from, curve.get(recovered).time()));
    }
}
