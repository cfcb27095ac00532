package io.quorum.engine.backtest.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A named, parameterised signal, as a trader writes it: {@code sma-cross:10,30},
 * {@code ema-cross:12,26}, {@code rsi-reversion:14,30,70}, {@code breakout:20} or
 * {@code macd:12,26,9}. {@link #parse} explains in a sentence what is wrong with a bad one.
 */
public record StrategySpec(Kind kind, List<Integer> parameters) {
    private static final int MAX_PERIOD = 1_000;

    /** The strategies a backtest knows, with the parameters each takes. */
    public enum Kind {
        SMA_CROSS("sma-cross", "FAST,SLOW"),
        EMA_CROSS("ema-cross", "FAST,SLOW"),
        RSI_REVERSION("rsi-reversion", "N,LOW,HIGH"),
        BREAKOUT("breakout", "N"),
        MACD("macd", "FAST,SLOW,SIGNAL");

        private final String name;
        private final String parameters;

        Kind(String name, String parameters) {
            this.name = name;
            this.parameters = parameters;
        }

        public String label() { return name; }

        public String usage() { return name + ":" + parameters; }

        int parameterCount() { return parameters.split(",").length; }
    }

    public StrategySpec {
        parameters = List.copyOf(parameters);
        if (parameters.size() != kind.parameterCount()) {
            throw new IllegalArgumentException(kind.label() + " takes " + kind.parameterCount() + " parameters (" + kind.usage() + "), not " + parameters.size());
        }
        for (int value : parameters) {
            if (value < 1 || value > MAX_PERIOD) throw new IllegalArgumentException(kind.label() + "'s parameters must be whole numbers from 1 to " + MAX_PERIOD + ", not " + value);
        }
        switch (kind) {
            case SMA_CROSS, EMA_CROSS, MACD -> {
                if (parameters.get(0) >= parameters.get(1)) {
                    throw new IllegalArgumentException(kind.label() + "'s FAST period (" + parameters.get(0) + ") must be shorter than its SLOW period (" + parameters.get(1) + ")");
                }
            }
            case RSI_REVERSION -> {
                if (parameters.get(1) >= parameters.get(2) || parameters.get(2) >= 100) {
                    throw new IllegalArgumentException("rsi-reversion's LOW (" + parameters.get(1) + ") must be below its HIGH (" + parameters.get(2) + "), and HIGH below 100");
                }
            }
            case BREAKOUT -> { }
        }
    }

    public static final StrategySpec DEFAULT = new StrategySpec(Kind.SMA_CROSS, List.of(10, 30));

    /** Reads {@code NAME:P1,P2,…}; a bad text throws with a sentence saying what is wrong and what is expected. */
    public static StrategySpec parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("no strategy given; expected one of " + usages());
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        int colon = trimmed.indexOf(':');
        String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
        Kind kind = null;
        for (Kind candidate : Kind.values()) {
            if (candidate.label().equals(name)) kind = candidate;
        }
        if (kind == null) throw new IllegalArgumentException("unknown strategy \"" + name + "\"; expected one of " + usages());
        if (colon < 0 || colon == trimmed.length() - 1) throw new IllegalArgumentException(kind.label() + " needs its parameters: " + kind.usage());
        List<Integer> values = new ArrayList<>();
        for (String part : trimmed.substring(colon + 1).split(",", -1)) {
            try {
                values.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException(kind.label() + "'s parameters are whole numbers (" + kind.usage() + "); \"" + part.trim() + "\" is not one");
            }
        }
        return new StrategySpec(kind, values);
    }

    public static String usages() {
        List<String> all = new ArrayList<>();
        for (Kind kind : Kind.values()) all.add(kind.usage());
        return String.join(", ", all);
    }

    public int parameter(int index) { return parameters.get(index); }

    /** As it is written on the command line: {@code sma-cross:10,30}. */
    @Override public String toString() {
        List<String> values = new ArrayList<>();
        for (int value : parameters) values.add(Integer.toString(value));
        return kind.label() + ":" + String.join(",", values);
    }
}
