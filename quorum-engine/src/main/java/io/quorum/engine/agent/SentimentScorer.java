package io.quorum.engine.agent;

import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scores headlines with a finance word list and keeps, per ticker, a score that decays towards
 * neutral with a half-life, so that yesterday's news weighs less than this morning's.
 *
 * <p>A headline scores (positive words - negative words) / (positive + negative), in [-1, 1];
 * a negation up to two words before a word ("not", "fails to") flips it. The ticker's score is the
 * decayed sum of headline scores squashed into [-1, 1] by {@code s / (1 + |s|)}, reported as
 * a number in [0, 1] where 0.5 is neutral, the way desks quote sentiment.
 */
public final class SentimentScorer {
    private static final Pattern WORDS = Pattern.compile("[^a-z]+");
    private static final Set<String> POSITIVE = Set.of(
            "beat", "beats", "surge", "surges", "soar", "soars", "record", "strong", "upgrade", "upgraded", "raises", "raise",
            "growth", "profit", "profits", "rally", "rallies", "jump", "jumps", "outperform", "bullish", "demand", "wins",
            "approval", "approved", "expands", "launch", "launches", "breakthrough", "tops", "accelerates", "buyback", "gains");
    private static final Set<String> NEGATIVE = Set.of(
            "miss", "misses", "plunge", "plunges", "fall", "falls", "drop", "drops", "weak", "downgrade", "downgraded", "cut",
            "cuts", "loss", "losses", "lawsuit", "probe", "recall", "bearish", "slump", "slumps", "warning", "warns", "fraud",
            "delay", "delays", "layoffs", "investigation", "tumbles", "sinks", "slows", "fine", "fined", "halts", "concerns",
            "recalls", "loses", "slide", "slides", "resigns", "slowing");
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "fails", "fail", "without");
    /** How many following words a negation flips: "fails to beat" flips "beat". */
    private static final int NEGATION_REACH = 2;

    private final Duration halfLife;
    private final Map<Ticker, DecayedScore> scores = new HashMap<>();

    public SentimentScorer(Duration halfLife) {
        if (halfLife.isNegative() || halfLife.isZero()) throw new IllegalArgumentException("halfLife must be positive: " + halfLife);
        this.halfLife = halfLife;
    }

    /** The headline's own score in [-1, 1]; 0 when it holds no sentiment word. */
    public static double scoreHeadline(String headline) {
        String[] words = WORDS.split(headline.toLowerCase(Locale.ROOT));
        int positive = 0;
        int negative = 0;
        int negatedWords = 0;
        for (String word : words) {
            if (word.isEmpty()) continue;
            int polarity = POSITIVE.contains(word) ? 1 : NEGATIVE.contains(word) ? -1 : 0;
            if (negatedWords > 0) {
                polarity = -polarity;
                negatedWords--;
            }
            if (polarity > 0) positive++;
            if (polarity < 0) negative++;
            if (NEGATIONS.contains(word)) negatedWords = NEGATION_REACH;
        }
        int total = positive + negative;
        return total == 0 ? 0 : (positive - negative) / (double) total;
    }

    /** Adds a headline to its ticker's running score and returns the headline's own score. */
    public synchronized double add(NewsItem item) {
        double headlineScore = scoreHeadline(item.headline());
        scores.computeIfAbsent(item.ticker(), t -> new DecayedScore()).add(headlineScore, item.publishedAt(), halfLife);
        return headlineScore;
    }

    /** The ticker's sentiment at {@code now} in [0, 1]; 0.50 is neutral. Two decimals. */
    public synchronized BigDecimal score(Ticker ticker, Instant now) {
        DecayedScore score = scores.get(ticker);
        double raw = score == null ? 0 : score.valueAt(now, halfLife);
        double squashed = raw / (1 + Math.abs(raw));
        return BigDecimal.valueOf((squashed + 1) / 2).setScale(2, RoundingMode.HALF_EVEN);
    }

    public static String describe(BigDecimal score) {
        int cmp55 = score.compareTo(new BigDecimal("0.55"));
        int cmp45 = score.compareTo(new BigDecimal("0.45"));
        return cmp55 >= 0 ? "positive" : cmp45 <= 0 ? "negative" : "neutral";
    }

    private static final class DecayedScore {
        private double value;
        private Instant asOf;

        void add(double headlineScore, Instant at, Duration halfLife) {
            if (asOf == null) {
                value = headlineScore;
                asOf = at;
                return;
            }
            Instant latest = at.isAfter(asOf) ? at : asOf;
            value = valueAt(latest, halfLife) + headlineScore * decay(Duration.between(at, latest), halfLife);
            asOf = latest;
        }

        double valueAt(Instant now, Duration halfLife) {
            if (asOf == null || !now.isAfter(asOf)) return value;
            return value * decay(Duration.between(asOf, now), halfLife);
        }

        private static double decay(Duration elapsed, Duration halfLife) {
            return Math.pow(0.5, elapsed.toMillis() / (double) halfLife.toMillis());
        }
    }
}
