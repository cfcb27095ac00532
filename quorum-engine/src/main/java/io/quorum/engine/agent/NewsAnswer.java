package io.quorum.engine.agent;

import io.quorum.engine.message.Direction;
import java.util.Locale;
import java.util.Objects;

/**
 * Sentiment's answer to "is there news behind this move?", as it is said and as the asker reads it.
 * The answer opens with its verdict, so that a person and an agent read it the same way:
 * "Positive news. …", "Negative news. …" or "No news behind it. …". {@link #read} also takes an
 * answer in other words (a model's, say): it looks for "no news", then "negative", "bearish",
 * "against", then "positive", "bullish", "supports", in that order.
 */
public record NewsAnswer(Tone tone, String text) {
    public NewsAnswer {
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(text, "text");
    }

    public enum Tone {
        POSITIVE("Positive news"),
        NEGATIVE("Negative news"),
        NONE("No news behind it");

        private final String lead;

        Tone(String lead) { this.lead = lead; }

        /** +1 when the news argues for a trade in {@code direction}, -1 when against it, 0 when there is none. */
        public int leaning(Direction direction) {
            return switch (this) {
                case POSITIVE -> direction.sign();
                case NEGATIVE -> -direction.sign();
                case NONE -> 0;
            };
        }
    }

    /** The answer's words: "Negative news. News sentiment score: 0.31 (negative). Recent headlines: …". */
    public static String say(Tone tone, String detail) { return tone.lead + ". " + detail; }

    public static NewsAnswer read(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Tone tone : Tone.values()) {
            if (lower.startsWith(tone.lead.toLowerCase(Locale.ROOT))) return new NewsAnswer(tone, text);
        }
        Tone tone = lower.contains("no news") ? Tone.NONE
                : containsAny(lower, "negative", "bearish", "against") ? Tone.NEGATIVE
                : containsAny(lower, "positive", "bullish", "supports") ? Tone.POSITIVE
                : Tone.NONE;
        return new NewsAnswer(tone, text);
    }

    private static boolean containsAny(String text, String... words) {
        for (String word : words) if (text.contains(word)) return true;
        return false;
    }
}
