package io.quorum.engine.portfolio;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.portfolio.StressScenario.HistoricalReplay;
import io.quorum.engine.portfolio.StressScenario.SectorShock;
import io.quorum.engine.portfolio.StressScenario.TickerShocks;
import io.quorum.engine.portfolio.StressScenario.UniformGap;
import io.quorum.engine.portfolio.StressScenario.VolatilitySpike;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Applies stress scenarios to positions, in exact money: a move of m on a market value v is
 * {@code v × m}. It knows each ticker's average true range (for a volatility spike) and its daily
 * bars (for a replay); a ticker it lacks them for is reported uncovered and left as it is.
 */
public final class StressTest {
    private final Map<Ticker, Price> averageTrueRanges;
    private final Map<Ticker, List<Bar>> dailyBars;

    public StressTest(Map<Ticker, Price> averageTrueRanges, Map<Ticker, List<Bar>> dailyBars) {
        this.averageTrueRanges = Map.copyOf(averageTrueRanges);
        this.dailyBars = Map.copyOf(dailyBars);
    }

    public StressResult run(StressScenario scenario, List<Holding> holdings) {
        return switch (scenario) {
            case UniformGap gap -> moved(scenario, holdings, holding -> gap.move());
            case SectorShock shock -> moved(scenario, holdings, holding -> holding.sector().equals(shock.sector()) ? shock.move() : BigDecimal.ZERO);
            case TickerShocks shocks -> moved(scenario, holdings, holding -> shocks.moves().getOrDefault(holding.ticker(), BigDecimal.ZERO));
            case VolatilitySpike spike -> slipped(spike, holdings);
            case HistoricalReplay replay -> replayed(replay, holdings);
        };
    }

    private static StressResult moved(StressScenario scenario, List<Holding> holdings, Function<Holding, BigDecimal> moveOf) {
        Money pnl = Money.ZERO;
        for (Holding holding : holdings) pnl = pnl.plus(Money.of(holding.marketValue().toBigDecimal().multiply(moveOf.apply(holding))));
        return new StressResult(scenario.name(), pnl, List.of());
    }

    /** A long leaves at {@code min(stop, last) − k ATR}, a short at {@code max(stop, last) + k ATR}; never below a cent. */
    private StressResult slipped(VolatilitySpike spike, List<Holding> holdings) {
        Money pnl = Money.ZERO;
        List<Ticker> uncovered = new ArrayList<>();
        for (Holding holding : holdings) {
            Price atr = averageTrueRanges.get(holding.ticker());
            if (atr == null) {
                uncovered.add(holding.ticker());
                continue;
            }
            long slip = new BigDecimal(atr.micros()).multiply(spike.atrMultiple()).longValue();
            long last = holding.last().micros();
            long exit = holding.isLong()
                    ? Math.max(10_000, (holding.stop() == null ? last : Math.min(holding.stop().micros(), last)) - slip)
                    : (holding.stop() == null ? last : Math.max(holding.stop().micros(), last)) + slip;
            pnl = pnl.plus(Money.ofMicros(Math.multiplyExact(exit - last, holding.shares())));
        }
        return new StressResult(spike.name(), pnl, uncovered);
    }

    private StressResult replayed(HistoricalReplay replay, List<Holding> holdings) {
        List<Holding> covered = new ArrayList<>();
        List<Long> bases = new ArrayList<>();
        List<NavigableMap<LocalDate, Long>> paths = new ArrayList<>();
        List<Ticker> uncovered = new ArrayList<>();
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Holding holding : holdings) {
            long base = 0;
            NavigableMap<LocalDate, Long> path = new TreeMap<>();
            for (Bar bar : dailyBars.getOrDefault(holding.ticker(), List.of())) {
                LocalDate day = LocalDate.ofInstant(bar.start(), ZoneOffset.UTC);
                if (day.isBefore(replay.from())) base = bar.closeMicros();
                else if (!day.isAfter(replay.to())) path.put(day, bar.closeMicros());
            }
            if (base == 0 || path.isEmpty()) {
                uncovered.add(holding.ticker());
                continue;
            }
            covered.add(holding);
            bases.add(base);
            paths.add(path);
            days.addAll(path.keySet());
        }
        Money worst = Money.ZERO;
        for (LocalDate day : days) {
            Money pnl = Money.ZERO;
            for (int h = 0; h < covered.size(); h++) {
                Map.Entry<LocalDate, Long> close = paths.get(h).floorEntry(day);
                if (close == null) continue;
                BigDecimal ratio = BigDecimal.valueOf(close.getValue() - bases.get(h)).divide(BigDecimal.valueOf(bases.get(h)), MathContext.DECIMAL64);
                pnl = pnl.plus(Money.of(covered.get(h).marketValue().toBigDecimal().multiply(ratio)));
            }
            if (pnl.compareTo(worst) < 0) worst = pnl;
        }
        return new StressResult(replay.name(), worst, uncovered);
    }
}
