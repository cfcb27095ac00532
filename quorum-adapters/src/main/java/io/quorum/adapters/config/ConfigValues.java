package io.quorum.adapters.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of {@code quorum.yml} against their type and range. Each read returns the value,
 * or its fallback after adding a {@link ConfigError} that names the path, what was found, what is
 * expected and an example. Every section reads through one of these, so that an out-of-range
 * duration says the same thing under {@code market}, {@code llm} or {@code notify}.
 */
final class ConfigValues {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final List<ConfigError> errors;
    private final UnaryOperator<String> where;

    /**
     * @param errors where the problems found are added
     * @param where  how a path is shown in an error: the main sections add the environment
     *               variable a value came from
     */
    ConfigValues(List<ConfigError> errors, UnaryOperator<String> where) {
        this.errors = errors;
        this.where = where;
    }

    /** Values whose paths are shown as they are. */
    ConfigValues(List<ConfigError> errors) {
        this(errors, UnaryOperator.identity());
    }

    /** How many errors have been found so far. */
    int errorCount() { return errors.size(); }

    void error(String path, String problem, String expected, String example) {
        errors.add(new ConfigError(where.apply(path), problem, expected, example));
    }

    /** Reports a sub-section that is not a mapping, and each of its keys not in {@code known}. */
    void knownKeys(String path, JsonNode node, List<String> known, String example) {
        if (absent(node)) return;
        if (!node.isObject()) {
            error(path, "is not a mapping", "a mapping of " + String.join(", ", known), example);
            return;
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (known.contains(name)) continue;
            String closest = closest(name, known);
            error(path + "." + name, "is not a known key" + (closest == null ? "" : " (did you mean " + closest + "?)"), "one of " + String.join(", ", known), example);
        }
    }

    Duration duration(String path, JsonNode node, Duration min, Duration max, String example, Duration fallback) {
        if (absent(node)) return fallback;
        String expected = "a duration from " + show(min) + " to " + show(max) + " (a number and a unit: ms, s, m, h or d)";
        Duration value = node.isTextual() ? parseDuration(node.asText().strip()) : null;
        if (value == null) {
            error(path, node.isNumber() ? found(node) + " has no unit" : found(node) + " is not a duration", expected, leaf(path) + ": " + example);
            return fallback;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            error(path, show(value) + " is out of range", expected, leaf(path) + ": " + example);
            return fallback;
        }
        return value;
    }

    long whole(String path, JsonNode node, long min, long max, String example, long fallback) {
        if (absent(node)) return fallback;
        String expected = min == Long.MIN_VALUE ? "a whole number" : "a whole number from " + min + " to " + max;
        BigDecimal value = number(node);
        if (value == null || value.stripTrailingZeros().scale() > 0) {
            error(path, found(node) + " is not a whole number", expected, leaf(path) + ": " + example);
            return fallback;
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(path, value.toPlainString() + " is out of range", expected, leaf(path) + ": " + example);
            return fallback;
        }
        return value.longValueExact();
    }

    double decimal(String path, JsonNode node, double min, double max, String example, double fallback) {
        if (absent(node)) return fallback;
        String expected = "a number from " + BigDecimal.valueOf(min).stripTrailingZeros().toPlainString() + " to " + BigDecimal.valueOf(max).stripTrailingZeros().toPlainString();
        BigDecimal value = number(node);
        if (value == null) {
            error(path, found(node) + " is not a number", expected, leaf(path) + ": " + example);
            return fallback;
        }
        if (value.doubleValue() < min || value.doubleValue() > max) {
            error(path, value.toPlainString() + " is out of range", expected, leaf(path) + ": " + example);
            return fallback;
        }
        return value.doubleValue();
    }

    /**
     * An exact amount of {@code unit} ("dollars", "per cent") from {@code min} to {@code max} with
     * at most {@code decimals} decimal places, its trailing zeros stripped.
     */
    BigDecimal amount(String path, JsonNode node, BigDecimal min, BigDecimal max, int decimals, String unit, String example, BigDecimal fallback) {
        if (absent(node)) return fallback;
        String expected = unit + " from " + min.toPlainString() + " to " + max.toPlainString() + ", with at most " + decimals + " decimals";
        BigDecimal value = number(node);
        if (value == null) {
            error(path, found(node) + " is not a number", expected, leaf(path) + ": " + example);
            return fallback;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            error(path, value.toPlainString() + " is out of range", expected, leaf(path) + ": " + example);
            return fallback;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > decimals) {
            error(path, value.toPlainString() + " has more than " + decimals + " decimals", expected, leaf(path) + ": " + example);
            return fallback;
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    boolean bool(String path, JsonNode node, String example, boolean fallback) {
        if (absent(node)) return fallback;
        if (node.isBoolean()) return node.asBoolean();
        String text = node.isTextual() ? node.asText().strip().toLowerCase(Locale.ROOT) : "";
        if (text.equals("true") || text.equals("false")) return Boolean.parseBoolean(text);
        error(path, found(node) + " is not true or false", "true or false", leaf(path) + ": " + example);
        return fallback;
    }

    /** An absolute http or https URL; {@code example} is the whole line shown, key and value. */
    URI url(String path, JsonNode node, String example, URI fallback) {
        if (absent(node)) return fallback;
        URI value = httpUrl(node);
        if (value != null) return value;
        error(path, found(node) + " is not an http or https URL", "an absolute http(s) URL", example);
        return fallback;
    }

    static boolean absent(JsonNode node) { return node.isMissingNode() || node.isNull(); }

    /** The last key of a path: what a user writes in the example. */
    static String leaf(String path) { return path.substring(path.lastIndexOf('.') + 1); }

    /** What a node is, in words: a mapping, a list, a number, true or false, text. */
    static String kind(JsonNode node) {
        if (node.isObject()) return "a mapping";
        if (node.isArray()) return "a list";
        if (node.isNumber()) return "a number";
        if (node.isBoolean()) return "true or false";
        return "text";
    }

    /** A value as an error repeats it: text in quotes, a number as written, anything else by its kind. */
    static String found(JsonNode node) {
        if (node.isTextual()) return "\"" + node.asText() + "\"";
        if (node.isValueNode()) return node.asText();
        return kind(node);
    }

    static URI httpUrl(JsonNode node) {
        if (!node.isTextual()) return null;
        try {
            URI uri = new URI(node.asText().strip());
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException notAUrl) {
            return null;
        }
    }

    /** A number and a unit ({@code 15s}, {@code 250ms}, {@code 2h}), or an ISO-8601 duration; null when it is neither. */
    static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return text.toUpperCase(Locale.ROOT).startsWith("P") ? Duration.parse(text) : null;
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }

    /** A duration in its largest whole unit, as a user would write it. */
    static String show(Duration duration) {
        if (duration.toMillis() % 86_400_000 == 0) return duration.toDays() + "d";
        if (duration.toMillis() % 3_600_000 == 0) return duration.toHours() + "h";
        if (duration.toMillis() % 60_000 == 0) return duration.toMinutes() + "m";
        if (duration.toMillis() % 1_000 == 0) return duration.toSeconds() + "s";
        return duration.toMillis() + "ms";
    }

    private static BigDecimal number(JsonNode node) {
        if (node.isNumber()) return node.decimalValue();
        if (!node.isTextual()) return null;
        try {
            return new BigDecimal(node.asText().strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** The known name a misspelt one was most likely meant to be, within three edits; null when none is that close. */
    static String closest(String name, List<String> known) {
        String best = null;
        int bestDistance = 4;
        for (String candidate : known) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
