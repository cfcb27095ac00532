package io.quorum.engine.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
        return best == null ? new Match(TOO_RISKY, List.of()) : new Match(best, bestCues);
    }

    /** A reason read as a concern; {@code cues} are the words of the reason that point to it, empty when none did. */
    public record Match(UserConcern concern, List<String> cues) {
        public Match {
            Objects.requireNonNull(concern, "concern");
            cues = List.copyOf(cues);
        }

        /** "read as 'stop too wide' (it names: stop, wide)", for the revision's rationale. */
        public String explanation() {
            if (cues.isEmpty()) return "read as '" + concern.phrase + "', the most careful revision, since it names no term";
            return "read as '" + concern.phrase + "' (it names: " + String.join(", ", cues) + ")";
        }
    }
}
