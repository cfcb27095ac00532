package io.quorum.engine.backtest.metrics;

import io.quorum.engine.backtest.EquityPoint;
import java.util.List;

/** The per-period returns of an equity curve, summed in one pass: their mean, sample deviation and downside deviation. */
record Returns(double mean, double deviation, double downsideDeviation) {
    static Returns of(long startMicros, List<EquityPoint> curve) {
        int count = 0;
        double sum = 0;
        double sumOfSquares = 0;
        double downsideSquares = 0;
        double previous = startMicros;
        for (EquityPoint point : curve) {
            double r = point.equityMicros() / previous - 1;
            previous = point.equityMicros();
            count++;
            sum += r;
            sumOfSquares += r * r;
            if (r < 0) downsideSquares += r * r;
        }
        if (count < 2) return new Returns(Double.NaN, 0, 0);
        double mean = sum / count;
        double variance = Math.max(0, (sumOfSquares - count * mean * mean) / (count - 1));
        return new Returns(mean, Math.sqrt(variance), Math.sqrt(downsideSquares / count));
    }
}
