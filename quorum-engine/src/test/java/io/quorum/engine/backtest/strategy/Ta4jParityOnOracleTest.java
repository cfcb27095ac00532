package io.quorum.engine.backtest.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.backtest.Backtest;
import io.quorum.engine.backtest.BacktestConfig;
import io.quorum.engine.backtest.Trade;
import io.quorum.engine.backtest.TradeExit;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.market.signal.RealDailyBars;
import io.quorum.engine.market.signal.RequiresMarketData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.Position;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
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
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * Every named strategy, single-agent on Oracle's twenty years, trades on the same days as ta4j's own
 * backtester running the same rules on the whole series with orders filled at the next open: the
 * replay, shown one bar at a time and keeping only the latest bars, decides as a backtester that
 * sees the finished series does; and each indicator, updated from its value at the bar before,
 * reads at every bar the very double ta4j's indicator reads on the finished series.
 */
@RequiresMarketData
class Ta4jParityOnOracleTest {
    private static final Ticker ORCL = Ticker.of("ORCL");
    private static final List<Bar> BARS = RealDailyBars.load("orcl-1995-2014.txt", ORCL);

    static Stream<String> strategies() {
        return Stream.of("sma-cross:10,30", "ema-cross:12,26", "rsi-reversion:14,30,70", "breakout:20", "macd:12,26,9");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void the_replay_enters_and_leaves_on_the_days_ta4j_does(String strategy) {
        StrategySpec spec = StrategySpec.parse(strategy);

        List<Trade> replayed = new Backtest(BacktestConfig.defaults().withStrategy(spec)).run(BARS.iterator()).trades();

        List<String> ours = new ArrayList<>();
        for (Trade trade : replayed) {
            if (trade.exit() == TradeExit.SIGNAL) ours.add(trade.entryTime() + " -> " + trade.exitTime());
        }
        assertThat(ours).hasSizeGreaterThan(10).isEqualTo(ta4jRoundTrips(spec));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void each_indicator_updated_bar_by_bar_reads_what_ta4j_reads_on_the_whole_series(String strategy) {
        StrategySpec spec = StrategySpec.parse(strategy);
        Map<String, Indicator<Num>> ta4j = ta4jIndicators(spec, series());
        SignalStrategy replayed = new SignalStrategy(ORCL, spec);
        assertThat(replayed.indicatorNames()).isEqualTo(new TreeSet<>(ta4j.keySet()));

        int unstable = SignalRules.of(spec).unstableBars();
        for (int index = 0; index < BARS.size(); index++) {
            replayed.onClose(BARS.get(index), false);
            if (index < unstable) continue;
            for (Map.Entry<String, Indicator<Num>> indicator : ta4j.entrySet()) {
                assertThat(replayed.indicator(indicator.getKey(), index)).as("%s at bar %d", indicator.getKey(), index)
                        .isEqualTo(indicator.getValue().getValue(index).doubleValue());
            }
        }
    }

    private static Map<String, Indicator<Num>> ta4jIndicators(StrategySpec spec, BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        return switch (spec.kind()) {
            case SMA_CROSS -> Map.of("fast", new SMAIndicator(close, spec.parameter(0)), "slow", new SMAIndicator(close, spec.parameter(1)));
            case EMA_CROSS -> Map.of("fast", new EMAIndicator(close, spec.parameter(0)), "slow", new EMAIndicator(close, spec.parameter(1)));
            case MACD -> {
                MACDIndicator macd = new MACDIndicator(close, spec.parameter(0), spec.parameter(1));
                yield Map.of("macd", macd, "signal", macd.getSignalLine(spec.parameter(2)));
            }
            case RSI_REVERSION -> Map.of("rsi", new RSIIndicator(close, spec.parameter(0)));
            case BREAKOUT -> Map.of(
                    "priorHigh", new PreviousValueIndicator(new HighestValueIndicator(new HighPriceIndicator(series), spec.parameter(0))),
                    "priorLow", new PreviousValueIndicator(new LowestValueIndicator(new LowPriceIndicator(series), spec.parameter(0))));
        };
    }

    private static List<String> ta4jRoundTrips(StrategySpec spec) {
        BarSeries series = series();
        List<String> trips = new ArrayList<>();
        for (Position position : new BarSeriesManager(series, new TradeOnNextOpenModel()).run(Ta4jRules.of(spec, series).strategy()).getPositions()) {
            trips.add(BARS.get(position.getEntry().getIndex()).start() + " -> " + BARS.get(position.getExit().getIndex()).start());
        }
        return trips;
    }

    private static BarSeries series() {
        NumFactory numbers = DoubleNumFactory.getInstance();
        BarSeries series = new BaseBarSeriesBuilder().withName("ORCL").withNumFactory(numbers).build();
        for (Bar bar : BARS) {
            series.addBar(new BaseBar(bar.interval(), bar.start(), bar.end(), numbers.numOf((double) bar.openMicros()), numbers.numOf((double) bar.highMicros()),
                    numbers.numOf((double) bar.lowMicros()), numbers.numOf((double) bar.closeMicros()), numbers.numOf(bar.volume()), numbers.zero(), 0));
        }
        return series;
    }
}
