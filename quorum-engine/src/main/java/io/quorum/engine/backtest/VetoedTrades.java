package io.quorum.engine.backtest;

import io.quorum.engine.backtest.fill.BarFills;
import io.quorum.engine.backtest.fill.Costs;
import io.quorum.engine.backtest.fill.Holding;
import io.quorum.engine.backtest.fill.ProtectiveExit;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entries the desk vetoed, followed as if they had been taken, by the replay's own fill rules:
 * filled at the next open with their costs, left by their stop, target or trailing stop, at the
 * strategy's exit signal, or at the last close. They move no cash; their P&L is what the vetoes
 * saved (a loss avoided) or cost (a gain missed). One at a time per ticker: a veto while one is
 * followed is counted, not followed twice.
 */
final class VetoedTrades {
    private final BarFills fills;
    private final Costs costs;
    private final Map<Ticker, Followed> followed = new HashMap<>();
    private final List<Trade> trades = new ArrayList<>();

    private static final class Followed {
        NextOrder.Enter pending;
        Holding holding;
        boolean exitPending;
        long barNumber;
        Bar lastBar;
    }

    VetoedTrades(Costs costs) {
        this.costs = costs;
        this.fills = new BarFills(costs);
    }

    void vetoed(Ticker ticker, NextOrder.Enter entry) {
        Followed one = followed.computeIfAbsent(ticker, t -> new Followed());
        if (one.holding == null && one.pending == null) one.pending = entry;
    }

    void open(Bar bar, long barNumber) {
        Followed one = followed.get(bar.ticker());
        if (one == null) return;
        one.barNumber = barNumber;
        if (one.pending != null) {
            long price = fills.marketFill(true, bar);
            one.holding = Holding.entered(bar.ticker(), one.pending.shares(), price, costs.commissionMicros(one.pending.shares(), price), bar.start(),
                    barNumber, one.pending.protection().apply(price));
            one.pending = null;
        } else if (one.exitPending && one.holding != null) {
            leave(one, fills.marketFill(false, bar), bar.start(), TradeExit.SIGNAL);
        } else if (one.holding != null) {
            Optional<ProtectiveExit> exit = fills.protectiveExit(one.holding, bar, barNumber);
            if (exit.isPresent()) leave(one, exit.get().priceMicros(), bar.start(), TradeExit.of(exit.get().reason()));
        }
        one.exitPending = false;
    }

    void close(Bar bar, boolean exitSignalled) {
        Followed one = followed.get(bar.ticker());
        if (one == null) return;
        one.lastBar = bar;
        if (one.holding == null) return;
        one.holding = one.holding.ratchetedOn(bar.closeMicros());
        one.exitPending = exitSignalled;
    }

    /** The data ended: what is still followed closes at its ticker's last close, in ticker order. */
    List<Trade> finish(List<String> tickerOrder) {
        for (String symbol : tickerOrder) {
            Followed one = followed.get(new Ticker(symbol));
            if (one != null && one.holding != null) leave(one, one.lastBar.closeMicros(), one.lastBar.start(), TradeExit.END_OF_DATA);
        }
        return List.copyOf(trades);
    }

    private void leave(Followed one, long priceMicros, Instant time, TradeExit why) {
        Holding holding = one.holding;
        long commission = Math.addExact(holding.entryCommissionMicros(), costs.commissionMicros(holding.shares(), priceMicros));
        trades.add(new Trade(holding.ticker(), Direction.LONG, holding.shares(), holding.entryTime(), holding.entryMicros(), time, priceMicros,
                commission, why, one.barNumber - holding.entryBar()));
        one.holding = null;
    }
}
