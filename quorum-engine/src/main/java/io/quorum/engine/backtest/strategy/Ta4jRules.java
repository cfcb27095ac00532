package io.quorum.engine.backtest.strategy;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Indicator;
import org.ta4j.core.Strategy;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.helpers.PreviousValueIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * A {@link StrategySpec} as ta4j rules over a finished bar series: the reference the replay's
 * {@link SignalRules} trade like, and the bench's baseline, so the two compare like for like. No
 * signal is read before every indicator has the bars it needs.
 */
public record Ta4jRules(Strategy strategy) {

    public static Ta4jRules of(StrategySpec spec, BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        return switch (spec.kind()) {
            case SMA_CROSS -> cross(spec, new SMAIndicator(close, spec.parameter(0)), new SMAIndicator(close, spec.parameter(1)), spec.parameter(1));
            case EMA_CROSS -> cross(spec, new EMAIndicator(close, spec.parameter(0)), new EMAIndicator(close, spec.parameter(1)), spec.parameter(1));
            case MACD -> {
                MACDIndicator macd = new MACDIndicator(close, spec.parameter(0), spec.parameter(1));
                Indicator<Num> signal = macd.getSignalLine(spec.parameter(2));
                yield new Ta4jRules(new BaseStrategy(spec.toString(), new CrossedUpIndicatorRule(macd, signal), new CrossedDownIndicatorRule(macd, signal),
                        spec.parameter(1) + spec.parameter(2)));
            }
            case RSI_REVERSION -> {
                RSIIndicator rsi = new RSIIndicator(close, spec.parameter(0));
                yield new Ta4jRules(new BaseStrategy(spec.toString(), new UnderIndicatorRule(rsi, spec.parameter(1)), new OverIndicatorRule(rsi, spec.parameter(2)),
                        spec.parameter(0)));
            }
            case BREAKOUT -> {
                int bars = spec.parameter(0);
                Indicator<Num> priorHigh = new PreviousValueIndicator(new HighestValueIndicator(new HighPriceIndicator(series), bars));
                Indicator<Num> priorLow = new PreviousValueIndicator(new LowestValueIndicator(new LowPriceIndicator(series), bars));
                yield new Ta4jRules(new BaseStrategy(spec.toString(), new OverIndicatorRule(close, priorHigh), new UnderIndicatorRule(close, priorLow), bars));
            }
        };
    }

    private static Ta4jRules cross(StrategySpec spec, Indicator<Num> fast, Indicator<Num> slow, int unstableBars) {
        return new Ta4jRules(new BaseStrategy(spec.toString(), new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow), unstableBars));
    }
}
