package io.quorum.engine.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a user's reason for rejecting a proposal asks the desk to change, and how a revision
 * answers it:
 * <ul>
 *   <li>{@link #STOP_TOO_WIDE}: a tighter stop, the size and target as they were;</li>
 *   <li>{@link #POSITION_TOO_BIG}: half the size, the stop and target as they were;</li>
 *   <li>{@link #TOO_RISKY}: half the size and a tighter stop;</li>
 *   <li>{@link #TARGET_TOO_FAR}: a nearer target.</li>
 * </ul>
 *
 * <p>{@link #read} matches any text to the nearest of these, by words a trader uses for each: a
 * concern scores one point for every cue word of its own in the text, and two more when the text
 * holds its own phrase ("stop too wide"). The highest score wins; a tie goes to the more careful
 * revision, in the order {@code TOO_RISKY}, {@code STOP_TOO_WIDE}, {@code POSITION_TOO_BIG},
 * {@code TARGET_TOO_FAR}. A text with no cue at all is read as {@code TOO_RISKY}, the most careful
 * revision. The match keeps the words that decided it, so the revision can say why.
 */
public enum UserConcern {
    TOO_RISKY("too risky", Set.of("risk", "risky", "riskier", "volatile", "volatility", "dangerous", "danger", "earnings",
            "uncertain", "uncertainty", "nervous", "unsafe", "safer", "careful", "cautious", "gamble", "exposed")),
    STOP_TOO_WIDE("stop too wide", Set.of("stop", "stops", "stoploss", "wide", "wider", "loose", "looser")),
    POSITION_TOO_BIG("position too big", Set.of("position", "size", "sized", "sizing", "shares", "big", "bigger", "large",
            "larger", "huge", "much", "many", "exposure", "allocation", "overweight", "smaller")),
    TARGET_TOO_FAR("target too far", Set.of("target", "targets", "objective", "upside", "ambitious", "optimistic",
            "unrealistic", "greedy", "takeprofit", "nearer", "closer"));

    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]+");
    private static final int PHRASE_POINTS = 2;

    private final String phrase;
    private final Set<String> cues;

    UserConcern(String phrase, Set<String> cues) {
        this.phrase = phrase;
        this.cues = cues;
    }

    /** The concern as a user would write it: "stop too wide". */
    public String phrase() { return phrase; }

    /** The concern written as {@code phrase} ("stop too wide", any case); empty when none is. */
    public static Optional<UserConcern> ofPhrase(String phrase) {
        for (UserConcern concern : values()) {
            if (concern.phrase.equalsIgnoreCase(phrase.strip())) return Optional.of(concern);
        }
        return Optional.empty();
    }

    /** Every concern as a user would write it, in the order of {@link #values}. */
    public static List<String> phrases() {
        List<String> phrases = new ArrayList<>();
        for (UserConcern concern : values()) phrases.add(concern.phrase);
        return phrases;
    }

    /** The concern nearest to {@code reason}, with the words that decided it. */
    public static Match read(String reason) {
        Objects.requireNonNull(reason, "reason");
        String text = reason.toLowerCase(Locale.ROOT).replace("stop-loss", "stoploss").replace("stop loss", "stoploss")
                .replace("take-profit", "takeprofit").replace("take profit", "takeprofit");
        String spaced = " " + NOT_LETTERS.matcher(text).replaceAll(" ").trim() + " ";
        String[] words = spaced.trim().split(" ");
        UserConcern best = null;
        int bestScore = 0;
        List<String> bestCues = List.of();
        for (UserConcern concern : values()) {
            List<String> found = new ArrayList<>();
            int score = 0;
            if (spaced.contains(" " + concern.phrase + " ")) {
                found.add('"' + concern.phrase + '"');
                score += PHRASE_POINTS;
            }
            for (String word : words) {
                if (concern.cues.contains(word) && !found.contains(word)) {
                    found.add(word);
                    score++;
                }
            }
            if (score > bestScore) {
                best = concern;
                bestScore = score;
                bestCues = found;
            }
        }
        return best == null ? new Match(TOO_RISKY, List.of(), null) : new Match(best, bestCues, null);
    }

    /**
     * A reason read as a concern; {@code cues} are the words of the reason that point to it, empty
     * when none did; {@code modelReading} is what a model made of a reason that named no concern
     * ("a stop that the day's swings would reach", followed by who said it), null when no model read it.
     */
    public record Match(UserConcern concern, List<String> cues, String modelReading) {
        public Match {
            Objects.requireNonNull(concern, "concern");
            cues = List.copyOf(cues);
        }

        /** The concern a model read in a reason whose words name none, with what it read and who said it. */
        public static Match byModel(UserConcern concern, String reading) { return new Match(concern, List.of(), Objects.requireNonNull(reading, "reading")); }

        /** Whether the reason's own words name a concern; when they do not, a model may read it. */
        public boolean namesAConcern() { return !cues.isEmpty(); }

        /** "read as 'stop too wide' (it names: stop, wide)", for the revision's rationale. */
        public String explanation() {
            if (modelReading != null) return "which names no term, read by the model as '" + concern.phrase + "' (" + modelReading + ")";
            if (cues.isEmpty()) return "read as '" + concern.phrase + "', the most careful revision, since it names no term";
            return "read as '" + concern.phrase + "' (it names: " + String.join(", ", cues) + ")";
        }
    }
}
