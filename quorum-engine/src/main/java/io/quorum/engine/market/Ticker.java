package io.quorum.engine.market;

import java.util.regex.Pattern;

/** An exchange symbol such as {@code AAPL} or {@code BRK.B}; upper case, validated when built. */
public record Ticker(String symbol) implements Comparable<Ticker> {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9.\\-]{0,9}");

    public Ticker {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("not a ticker symbol: " + symbol + " (expected 1-10 upper-case letters, digits, '.' or '-')");
        }
    }

    public static Ticker of(String symbol) {
        return new Ticker(symbol == null ? null : symbol.trim().toUpperCase(java.util.Locale.ROOT));
    }

    @Override public int compareTo(Ticker other) { return symbol.compareTo(other.symbol); }

    @Override public String toString() { return symbol; }
}
