package io.quorum.engine.market.signal;

/**
 * Textbook indicator formulas written out by hand, independent of ta4j, to check the monitor's
 * readings against: SMA, EMA seeded with the SMA of its first period, Wilder's RSI, and
 * Bollinger bands with the population standard deviation.
 */
final class ReferenceIndicators {
    private ReferenceIndicators() {}

    static double[] sma(double[] values, int period) {
        double[] out = nan(values.length);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            if (i >= period) sum -= values[i - period];
            if (i >= period - 1) out[i] = sum / period;
        }
        return out;
    }

    static double[] ema(double[] values, int period) {
        double[] out = nan(values.length);
        int first = firstNumber(values);
        if (values.length - first < period) return out;
        double alpha = 2.0 / (period + 1);
        double seed = 0;
        for (int i = first; i < first + period; i++) seed += values[i];
        out[first + period - 1] = seed / period;
        for (int i = first + period; i < values.length; i++) out[i] = out[i - 1] + alpha * (values[i] - out[i - 1]);
        return out;
    }

    static double[] wilderRsi(double[] closes, int period) {
        double[] out = nan(closes.length);
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= period; i++) {
            double change = closes[i] - closes[i - 1];
            gain += Math.max(change, 0);
            loss += Math.max(-change, 0);
        }
        gain /= period;
        loss /= period;
        out[period] = rsi(gain, loss);
        for (int i = period + 1; i < closes.length; i++) {
            double change = closes[i] - closes[i - 1];
            gain = (gain * (period - 1) + Math.max(change, 0)) / period;
            loss = (loss * (period - 1) + Math.max(-change, 0)) / period;
            out[i] = rsi(gain, loss);
        }
        return out;
    }

    static double[] macd(double[] closes, int fast, int slow) {
        double[] fastEma = ema(closes, fast);
        double[] slowEma = ema(closes, slow);
        double[] out = nan(closes.length);
        for (int i = 0; i < closes.length; i++) out[i] = fastEma[i] - slowEma[i];
        return out;
    }

    static double[] bollinger(double[] closes, int period, double width) {
        double[] middle = sma(closes, period);
        double[] out = nan(closes.length);
        for (int i = period - 1; i < closes.length; i++) {
            double squares = 0;
            for (int j = i - period + 1; j <= i; j++) squares += (closes[j] - middle[i]) * (closes[j] - middle[i]);
            out[i] = middle[i] + width * Math.sqrt(squares / period);
        }
        return out;
    }

    /** The highest of {@code values} over the {@code period} bars before each bar (not counting it). */
    static double[] priorHighest(double[] values, int period) {
        double[] out = nan(values.length);
        for (int i = period; i < values.length; i++) {
            double highest = Double.NEGATIVE_INFINITY;
            for (int j = i - period; j < i; j++) highest = Math.max(highest, values[j]);
            out[i] = highest;
        }
        return out;
    }

    private static double rsi(double gain, double loss) { return loss == 0 ? 100 : 100 - 100 / (1 + gain / loss); }

    private static int firstNumber(double[] values) {
        int i = 0;
        while (i < values.length && Double.isNaN(values[i])) i++;
        return i;
    }

    private static double[] nan(int length) {
        double[] out = new double[length];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }
}
