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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Position;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;

/**
 * Every named strategy, single-agent on Oracle's twenty years, trades on the same days as ta4j's own
 * backtester running the same rules on the whole series with orders filled at the next open: the
 * replay, shown one bar at a time and keeping only the latest bars, decides as a backtester that
 * sees the finished series does.
 */
@RequiresMarketData
class Ta4jParityOnOracleTest {
    private static final Ticker ORCL = Ticker.of("ORCL");
    private static final List<Bar> BARS = RealDailyBars.load("orcl-1995-2014.txt", ORCL);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sma-cross:10,30", "ema-cross:12,26", "rsi-reversion:14,30,70", "breakout:20", "macd:12,26,9"})
    void the_replay_enters_and_leaves_on_the_days_ta4j_does(String strategy) {
        StrategySpec spec = StrategySpec.parse(strategy);

        List<Trade> replayed = new Backtest(BacktestConfig.defaults().withStrategy(spec)).run(BARS.iterator()).trades();

        List<String> ours = new ArrayList<>();
        for (Trade trade : replayed) {
            if (trade.exit() == TradeExit.SIGNAL) ours.add(trade.entryTime() + " -> " + trade.exitTime());
        }
        assertThat(ours).hasSizeGreaterThan(10).isEqualTo(ta4jRoundTrips(spec));
    }

    private static List<String> ta4jRoundTrips(StrategySpec spec) {
        NumFactory numbers = DoubleNumFactory.getInstance();
        BarSeries series = new BaseBarSeriesBuilder().withName("ORCL").withNumFactory(numbers).build();
        for (Bar bar : BARS) {
            series.addBar(new BaseBar(bar.interval(), bar.start(), bar.end(), numbers.numOf((double) bar.openMicros()), numbers.numOf((double) bar.highMicros()),
                    numbers.numOf((double) bar.lowMicros()), numbers.numOf((double) bar.closeMicros()), numbers.numOf(bar.volume()), numbers.zero(), 0));
        }
        List<String> trips = new ArrayList<>();
        for (Position position : new BarSeriesManager(series, new TradeOnNextOpenModel()).run(Ta4jRules.of(spec, series).strategy()).getPositions()) {
            trips.add(BARS.get(position.getEntry().getIndex()).start() + " -> " + BARS.get(position.getExit().getIndex()).start());
        }
        return trips;
    }
}
