package io.quorum.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.backtest.strategy.StrategySpec;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.market.signal.RealDailyBars;
import io.quorum.engine.market.signal.RequiresMarketData;
import io.quorum.engine.message.Direction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sma-cross:10,30 on twenty years of Oracle's daily bars, single-agent, 100 shares, no commission: the trades a trader would draw from the averages. */
@RequiresMarketData
class SmaCrossOnOracleTest {
    private static final Ticker ORCL = Ticker.of("ORCL");
    private static final int FAST = 10;
    private static final int SLOW = 30;

    @Test
    void sma_cross_buys_the_open_after_each_upward_cross_and_sells_the_open_after_each_downward_cross() {
        List<Bar> bars = RealDailyBars.load("orcl-1995-2014.txt", ORCL);

        BacktestRun run = new Backtest(BacktestConfig.defaults().withStrategy(StrategySpec.parse("sma-cross:10,30")).withShares(100)).run(bars.iterator());

        List<Trade> expected = crossoverTrades(bars);
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(run.trades()).containsExactlyElementsOf(expected);
    }

    /**
     * The trades read off simple moving averages computed here in exact arithmetic: the fast average
     * is above the slow one when SLOW × (sum of FAST closes) > FAST × (sum of SLOW closes), in
     * micro-dollars. An average crosses when it is on the other side than the last time the two differed.
     */
    private static List<Trade> crossoverTrades(List<Bar> bars) {
        int[] side = new int[bars.size()];
        for (int i = SLOW - 1; i < bars.size(); i++) side[i] = Long.signum(SLOW * sum(bars, i, FAST) - FAST * sum(bars, i, SLOW));
        List<Trade> trades = new ArrayList<>();
        int entry = -1;
        for (int i = SLOW; i < bars.size() - 1; i++) {
            int before = lastDifference(side, i - 1);
            boolean crossedUp = side[i] > 0 && before < 0;
            boolean crossedDown = side[i] < 0 && before > 0;
            if (entry < 0 && crossedUp) {
                entry = i + 1;
            } else if (entry >= 0 && i >= entry && crossedDown) {
                trades.add(trade(bars.get(entry), bars.get(i + 1), bars.get(i + 1).openMicros(), TradeExit.SIGNAL, i + 1 - entry));
                entry = -1;
            }
        }
        if (entry >= 0) trades.add(trade(bars.get(entry), bars.getLast(), bars.getLast().closeMicros(), TradeExit.END_OF_DATA, bars.size() - 1 - entry));
        return trades;
    }

    private static int lastDifference(int[] side, int from) {
        for (int k = from; k >= SLOW - 1; k--) {
            if (side[k] != 0) return side[k];
        }
        return 0;
    }

    private static long sum(List<Bar> bars, int end, int period) {
        long sum = 0;
        for (int k = end - period + 1; k <= end; k++) sum += bars.get(k).closeMicros();
        return sum;
    }

    private static Trade trade(Bar entry, Bar exit, long exitMicros, TradeExit why, long barsHeld) {
        return new Trade(ORCL, Direction.LONG, 100, entry.start(), entry.openMicros(), exit.start(), exitMicros, 0, why, barsHeld);
    }
}
