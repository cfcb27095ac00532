package io.quorum.adapters.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code quorum.yml}, applies the environment's overrides and checks the result.
 *
 * <p>Where the file is: {@code --config FILE} when given, else the variable {@code QUORUM_CONFIG},
 * else {@code quorum.yml} in the working directory if there is one; with none of them the desk
 * runs on the defaults (the simulated market), still with the environment's overrides.
 *
 * <p>Every setting with one value can be overridden by an environment variable named
 * {@code QUORUM_} and its path in upper case, words split by underscores:
 * {@code market.yahoo.pollInterval} is {@code QUORUM_MARKET_YAHOO_POLL_INTERVAL},
 * {@code market.tickers} is {@code QUORUM_MARKET_TICKERS=AAPL,MSFT}. Secrets are read from the
 * environment only, by the adapters that need them; the file may not hold any.
 */
public final class QuorumConfigLoader {
    public static final String CONFIG_VARIABLE = "QUORUM_CONFIG";
    public static final String DEFAULT_FILE = "quorum.yml";

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private QuorumConfigLoader() {}

    /** The file to read: the one given, else {@code $QUORUM_CONFIG}, else {@code ./quorum.yml} if it exists; empty means the defaults. */
    public static Optional<Path> locate(Optional<Path> given, Map<String, String> environment, Path workingDirectory) {
        if (given.isPresent()) return given;
        String variable = environment.get(CONFIG_VARIABLE);
        if (variable != null && !variable.isBlank()) return Optional.of(Path.of(variable.strip()));
        Path local = workingDirectory.resolve(DEFAULT_FILE);
        return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
    }

    /** Reads the file {@link #locate located} (or the defaults), with the environment's overrides, and checks it. */
    public static ConfigResult load(Optional<Path> given, Map<String, String> environment, Path workingDirectory) {
        Optional<Path> file = locate(given, environment, workingDirectory);
        return file.isPresent() ? load(file.get(), environment) : parse("", DEFAULT_FILE, environment);
    }

    /** Reads {@code file}, applies the environment's overrides and checks the result. */
    public static ConfigResult load(Path file, Map<String, String> environment) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return new ConfigResult.Invalid(List.of(new ConfigError(file.toString(), "cannot be read (" + unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage() + ")",
                    "a readable YAML file", "--config examples/simulated.yml")));
        }
        return parse(text, file.toString(), environment);
    }

    /** Checks the YAML {@code text} of the file named {@code origin}, with the environment's overrides. */
    public static ConfigResult parse(String text, String origin, Map<String, String> environment) {
        JsonNode root;
        try {
            root = text.isBlank() ? JsonNodeFactory.instance.objectNode() : YAML.readTree(text);
        } catch (JsonProcessingException notYaml) {
            JsonLocation at = notYaml.getLocation();
            String where = at == null ? origin : origin + " line " + at.getLineNr() + ", column " + at.getColumnNr();
            return new ConfigResult.Invalid(List.of(new ConfigError(where, "is not valid YAML: " + notYaml.getOriginalMessage().lines().findFirst().orElse(""),
                    "YAML mappings of the documented keys", "market: {provider: yahoo}")));
        }
        if (root == null || root.isMissingNode() || root.isNull()) root = JsonNodeFactory.instance.objectNode();
        Map<String, String> overriddenBy = new LinkedHashMap<>();
        if (root instanceof ObjectNode tree) applyOverrides(tree, environment, overriddenBy);
        return new QuorumConfigValidator().validate(root, overriddenBy);
    }

    /** The environment variable that overrides {@code path}: {@code market.yahoo.pollInterval} → {@code QUORUM_MARKET_YAHOO_POLL_INTERVAL}. */
    public static String environmentName(String path) {
        StringBuilder name = new StringBuilder("QUORUM");
        for (String segment : path.split("\\.")) {
            name.append('_');
            for (char c : segment.toCharArray()) {
                if (Character.isUpperCase(c)) name.append('_');
                name.append(c == '-' ? '_' : Character.toUpperCase(c));
            }
        }
        return name.toString().toUpperCase(Locale.ROOT);
    }

    /** The overridable settings, each with its environment variable, in the documentation's order. */
    public static Map<String, String> overridableSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String path : QuorumConfigValidator.SCALARS) settings.put(path, environmentName(path));
        return settings;
    }

    private static void applyOverrides(ObjectNode root, Map<String, String> environment, Map<String, String> overriddenBy) {
        for (Map.Entry<String, String> setting : overridableSettings().entrySet()) {
            String value = environment.get(setting.getValue());
            if (value == null) continue;
            String[] segments = setting.getKey().split("\\.");
            ObjectNode section = root;
            for (int i = 0; i < segments.length - 1 && section != null; i++) {
                JsonNode child = section.get(segments[i]);
                if (child == null || child.isNull()) section = section.putObject(segments[i]);
                else section = child instanceof ObjectNode object ? object : null;
            }
            if (section == null) continue;
            section.set(segments[segments.length - 1], new TextNode(value));
            overriddenBy.put(setting.getKey(), setting.getValue());
        }
    }
}
