package io.quorum.adapters.config;

/**
 * One thing wrong with the configuration: where ({@code market.yahoo.pollInterval}, with the
 * environment variable when the value came from one), what is wrong, what is expected (a type or
 * a range) and an example of a right value.
 */
public record ConfigError(String path, String problem, String expected, String example) {
    public ConfigError {
        for (String part : new String[] {path, problem, expected, example}) {
            if (part == null || part.isBlank()) throw new IllegalArgumentException("a configuration error needs a path, a problem, what is expected and an example");
        }
    }

    /** The sentence shown to the user: {@code market.yahoo.pollInterval: "fast" is not a duration; expected a duration from 1s to 1h, for example pollInterval: 15s}. */
    public String message() { return path + ": " + problem + "; expected " + expected + ", for example " + example; }

    @Override public String toString() { return message(); }
}
