package io.quorum.engine.portfolio;

import io.quorum.engine.market.Ticker;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** A what-if applied to today's positions. Moves are fractions of the price: {@code -0.10} is a 10% fall. */
public sealed interface StressScenario {
    BigDecimal LARGEST_MOVE = BigDecimal.TEN;

    String name();

    /** Every price gaps by the same move. */
    record UniformGap(BigDecimal move) implements StressScenario {
        public UniformGap { move = checkedMove(move); }
        @Override public String name() { return "uniform gap " + percent(move); }
    }

    /** The prices of one sector move; the rest stay. */
    record SectorShock(String sector, BigDecimal move) implements StressScenario {
        public SectorShock {
            if (sector == null || sector.isBlank()) throw new IllegalArgumentException("sector shock: a sector is required");
            move = checkedMove(move);
        }
        @Override public String name() { return sector + " " + percent(move); }
    }

    /**
     * Volatility spikes and the stops slip: each position leaves at its stop moved {@code atrMultiple}
     * average true ranges further against it (a position without a stop, that far from its last price).
     */
    record VolatilitySpike(BigDecimal atrMultiple) implements StressScenario {
        public VolatilitySpike {
            if (atrMultiple == null || atrMultiple.signum() <= 0 || atrMultiple.compareTo(BigDecimal.valueOf(20)) > 0 || atrMultiple.scale() > 4) {
                throw new IllegalArgumentException("volatility spike: the ATR multiple must be above 0 and at most 20 with at most 4 decimals, was " + atrMultiple);
            }
        }
        @Override public String name() { return "volatility spike, stops slip " + atrMultiple.stripTrailingZeros().toPlainString() + " ATR"; }
    }

    /**
     * The daily moves of a past period replayed on today's positions, each ticker's price following
     * its own closes from the close before {@code from}; the loss is the worst point of the path.
     */
    record HistoricalReplay(String label, LocalDate from, LocalDate to) implements StressScenario {
        public static final HistoricalReplay MARCH_2020 = new HistoricalReplay("March 2020", LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 31));
        public static final HistoricalReplay OCTOBER_2008 = new HistoricalReplay("October 2008", LocalDate.of(2008, 10, 1), LocalDate.of(2008, 10, 31));

        public HistoricalReplay {
            if (label == null || label.isBlank() || from == null || to == null || to.isBefore(from)) throw new IllegalArgumentException("historical replay: a label and a period from..to are required");
        }
        @Override public String name() { return label + " replayed"; }
    }

    /** A user's own moves per ticker; tickers not named stay. */
    record TickerShocks(String label, Map<Ticker, BigDecimal> moves) implements StressScenario {
        public TickerShocks {
            if (label == null || label.isBlank() || moves == null || moves.isEmpty()) throw new IllegalArgumentException("ticker shocks: a label and at least one move are required");
            Map<Ticker, BigDecimal> checked = new TreeMap<>();
            moves.forEach((ticker, move) -> checked.put(ticker, checkedMove(move)));
            moves = Map.copyOf(checked);
        }
        @Override public String name() { return label; }
    }

    /** A move is at most four decimals, no fall beyond −100% and no rise beyond +1000%. */
    private static BigDecimal checkedMove(BigDecimal move) {
        if (move == null || move.scale() > 4 || move.compareTo(BigDecimal.ONE.negate()) < 0 || move.compareTo(LARGEST_MOVE) > 0) {
            throw new IllegalArgumentException("stress move: a fraction from -1 to 10 with at most 4 decimals, was " + move);
        }
        return move;
    }

    private static String percent(BigDecimal move) {
        return (move.signum() > 0 ? "+" : "") + move.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
