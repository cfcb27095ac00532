package io.quorum.adapters.config;

import static io.quorum.adapters.config.ConfigValues.absent;
import static io.quorum.adapters.config.ConfigValues.closest;
import static io.quorum.adapters.config.ConfigValues.found;
import static io.quorum.adapters.config.ConfigValues.httpUrl;
import static io.quorum.adapters.config.ConfigValues.kind;
import static io.quorum.adapters.config.ConfigValues.leaf;
import static io.quorum.adapters.config.ConfigValues.show;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quorum.adapters.alpaca.AlpacaFeed;
import io.quorum.adapters.alpaca.AlpacaSettings;
import io.quorum.adapters.alpaca.trading.AlpacaTradingSettings;
import io.quorum.adapters.config.QuorumConfig.Alpaca;
import io.quorum.adapters.config.QuorumConfig.BrokerProvider;
import io.quorum.adapters.config.QuorumConfig.Csv;
import io.quorum.adapters.config.QuorumConfig.CsvFile;
import io.quorum.adapters.config.QuorumConfig.Market;
import io.quorum.adapters.config.QuorumConfig.MarketProvider;
import io.quorum.adapters.config.QuorumConfig.News;
import io.quorum.adapters.config.QuorumConfig.NewsProvider;
import io.quorum.adapters.config.QuorumConfig.Simulated;
import io.quorum.adapters.rss.RssSettings;
import io.quorum.adapters.yahoo.YahooSettings;
import io.quorum.engine.market.Ticker;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a configuration tree (read from {@code quorum.yml}, with the environment's overrides)
 * and builds the {@link QuorumConfig} it describes. Every error is found, not only the first, and
 * each names its path, what is expected (a type or a range) and an example. A key whose name
 * looks like a secret (a key, a token, a password) is refused wherever it is: secrets come from
 * the environment only, and their values are never repeated in an error.
 */
public final class QuorumConfigValidator {
    /** The keys of each section, in the order the documentation gives them. */
    static final Map<String, List<String>> SECTIONS = sections();
    /** The settings with one value, each of which an environment variable may override. */
    static final List<String> SCALARS = List.of(
            "market.provider", "market.tickers", "market.staleAfter",
            "market.simulated.seed", "market.simulated.speed",
            "market.yahoo.baseUrl", "market.yahoo.pollInterval", "market.yahoo.timeout",
            "market.yahoo.initialBackoff", "market.yahoo.maxBackoff", "market.yahoo.attempts",
            "market.csv.skipBadRows",
            "news.provider", "news.rss.pollInterval", "news.rss.timeout", "news.rss.initialBackoff",
            "news.rss.maxBackoff", "news.rss.defaultFeed",
            "alpaca.feed", "alpaca.dataUrl", "alpaca.streamUrl", "alpaca.timeout", "alpaca.initialBackoff", "alpaca.maxBackoff",
            "alpaca.attempts", "alpaca.keyIdVariable", "alpaca.secretKeyVariable",
            "broker.provider", "broker.live", "broker.tradingUrl", "broker.timeout", "broker.pollInterval", "broker.brackets");

    private static final Pattern SECRET = Pattern.compile("(?i).*(secret|passw|token|api[-_]?key|key[-_]?id|private[-_]?key|credential).*|(?i)key");
    /** Keys that name the environment variables holding a secret: their values are names, not secrets. */
    private static final Set<String> VARIABLE_NAMES = Set.of("alpaca.keyIdVariable", "alpaca.secretKeyVariable");
    /** An environment variable's name, with at least one underscore, so that a key pasted by mistake (all letters and digits) is refused. */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");

    /** Who keeps the exits of the desk's entries on an Alpaca account: the desk's position manager, or the venue as a bracket. */
    private enum StopsKeptBy { DESK, VENUE }

    private static Map<String, List<String>> sections() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("", List.of("market", "news", "alpaca", "llm", "broker", "notify", "risk"));
        sections.put("market", List.of("provider", "tickers", "staleAfter", "simulated", "yahoo", "csv"));
        sections.put("market.simulated", List.of("seed", "speed"));
        sections.put("market.yahoo", List.of("baseUrl", "pollInterval", "timeout", "initialBackoff", "maxBackoff", "attempts"));
        sections.put("market.csv", List.of("files", "skipBadRows"));
        sections.put("news", List.of("provider", "rss"));
        sections.put("news.rss", List.of("pollInterval", "timeout", "initialBackoff", "maxBackoff", "defaultFeed", "feeds"));
        sections.put("alpaca", List.of("feed", "dataUrl", "streamUrl", "timeout", "initialBackoff", "maxBackoff", "attempts", "keyIdVariable", "secretKeyVariable"));
        sections.put("llm", LlmConfigValidator.KEYS);
        sections.put("broker", List.of("provider", "live", "tradingUrl", "timeout", "pollInterval", "brackets"));
        sections.put("notify", NotifyConfigValidator.KEYS);
        sections.put("risk", RiskConfigValidator.KEYS);
        return sections;
    }

    /** Whether a key's name looks like it holds a secret (a key, a token, a password). */
    static boolean looksSecret(String key) { return SECRET.matcher(key).matches(); }

    /** Whether {@code text} is an environment variable's name, with at least one underscore. */
    static boolean isVariableName(String text) { return VARIABLE_NAME.matcher(text).matches(); }

    /**
     * Checks {@code root}; {@code overriddenBy} maps the paths whose value came from an
     * environment variable to that variable's name, so that an error can say where to look.
     */
    public ConfigResult validate(JsonNode root, Map<String, String> overriddenBy) {
        Check check = new Check(root, overriddenBy);
        QuorumConfig config = check.config();
        if (!check.errors.isEmpty()) return new ConfigResult.Invalid(check.errors);
        return new ConfigResult.Valid(config, List.copyOf(overriddenBy.values()));
    }

    /** One validation: the tree, where its values came from, and the errors found so far. */
    private static final class Check {
        private final JsonNode root;
        private final Map<String, String> overriddenBy;
        private final List<ConfigError> errors = new ArrayList<>();
        private final ConfigValues values = new ConfigValues(errors, this::where);

        Check(JsonNode root, Map<String, String> overriddenBy) {
            this.root = root;
            this.overriddenBy = overriddenBy;
        }

        QuorumConfig config() {
            QuorumConfig defaults = QuorumConfig.defaults();
            if (!root.isObject() && !root.isMissingNode() && !root.isNull()) {
                errors.add(new ConfigError("quorum.yml", "is " + kind(root) + ", not a mapping of sections",
                        "a mapping with the sections market and news", "market: {provider: yahoo, tickers: [AAPL]}"));
                return defaults;
            }
            for (String section : SECTIONS.keySet()) keysOf(section);
            Market market = market(defaults.market());
            News news = news(defaults.news(), market.provider());
            Alpaca alpaca = alpaca(defaults.alpaca());
            if (market.provider() == MarketProvider.YAHOO && market.tickers().isEmpty()) {
                errors.add(new ConfigError(where("market.tickers"), "is empty, and the Yahoo market needs the tickers to watch",
                        "a list of 1 to 50 ticker symbols", "tickers: [AAPL, MSFT]"));
            }
            if (market.provider() == MarketProvider.ALPACA && market.tickers().isEmpty()) {
                errors.add(new ConfigError(where("market.tickers"), "is empty, and the Alpaca market needs the tickers to watch",
                        "a list of 1 to 50 ticker symbols", "tickers: [AAPL, MSFT]"));
            }
            if (market.provider() == MarketProvider.CSV && at("market.csv.files").size() == 0) {
                errors.add(new ConfigError(where("market.csv.files"), "is empty, and the CSV market needs at least one file",
                        "a list of {ticker, path}", "files: [{ticker: AAPL, path: data/aapl.csv}]"));
            }
            return new QuorumConfig(market, news, alpaca, new LlmConfigValidator(at("llm"), values).settings(), broker(market.provider()),
                    new NotifyConfigValidator(at("notify"), values).settings(), new RiskConfigValidator(at("risk"), values).settings());
        }

        // --- sections ---------------------------------------------------------------------

        /** Reports the unknown and the secret keys of a section, and a section that is not a mapping. */
        private void keysOf(String section) {
            JsonNode node = at(section);
            if (node.isMissingNode() || node.isNull()) return;
            if (!node.isObject()) {
                errors.add(new ConfigError(where(section), "is " + kind(node) + ", not a section",
                        "a mapping of " + String.join(", ", SECTIONS.get(section)), exampleOfSection(section)));
                return;
            }
            List<String> known = SECTIONS.get(section);
            for (var names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String path = section.isEmpty() ? name : section + "." + name;
                if (looksSecret(name) && !VARIABLE_NAMES.contains(path)) {
                    errors.add(new ConfigError(path, "looks like a secret, and secrets are never read from the file (its value is not shown here)",
                            "the key in the environment, never in quorum.yml", "export " + QuorumConfigLoader.environmentName(path) + "=…"));
                } else if (!known.contains(name)) {
                    String closest = closest(name, known);
                    errors.add(new ConfigError(path, "is not a known key" + (closest == null ? "" : " (did you mean " + closest + "?)"),
                            "one of " + String.join(", ", known), exampleOfSection(section)));
                }
            }
        }

        private static String exampleOfSection(String section) {
            return switch (section) {
                case "" -> "market: {provider: simulated}";
                case "market" -> "market: {provider: yahoo, tickers: [AAPL]}";
                case "market.simulated" -> "simulated: {seed: 42, speed: 60}";
                case "market.yahoo" -> "yahoo: {pollInterval: 15s}";
                case "market.csv" -> "csv: {files: [{ticker: AAPL, path: data/aapl.csv}]}";
                case "news" -> "news: {provider: rss}";
                case "alpaca" -> "alpaca: {feed: iex}";
                case "llm" -> "llm: {provider: openai-compatible, baseUrl: http://localhost:11434/v1, model: llama3.1:8b}";
                case "broker" -> "broker: {provider: alpaca, live: false}";
                case "notify" -> "notify: {channels: [{name: desk-room, type: slack, urlVariable: QUORUM_SLACK_WEBHOOK_URL}]}";
                case "risk" -> "risk: {limits: {varPct: 5}}";
                default -> "rss: {pollInterval: 2m}";
            };
        }

        private Market market(Market defaults) {
            MarketProvider provider = choice("market.provider", MarketProvider.class, defaults.provider());
            List<Ticker> tickers = tickers("market.tickers");
            Duration staleAfter = duration("market.staleAfter", Duration.ofSeconds(5), Duration.ofHours(1), "60s", defaults.staleAfter());
            Simulated simulated = new Simulated(
                    integer("market.simulated.seed", Long.MIN_VALUE, Long.MAX_VALUE, "42", defaults.simulated().seed()),
                    decimal("market.simulated.speed", 0, 100_000, "60", defaults.simulated().speed()));
            YahooSettings yahooDefaults = defaults.yahoo();
            URI baseUrl = url("market.yahoo.baseUrl", "https://query1.finance.yahoo.com", yahooDefaults.baseUrl());
            Duration poll = duration("market.yahoo.pollInterval", Duration.ofSeconds(1), Duration.ofHours(1), "15s", yahooDefaults.pollInterval());
            Duration timeout = duration("market.yahoo.timeout", Duration.ofSeconds(1), Duration.ofMinutes(5), "10s", yahooDefaults.timeout());
            Duration initial = duration("market.yahoo.initialBackoff", Duration.ofMillis(100), Duration.ofMinutes(10), "1s", yahooDefaults.initialBackoff());
            Duration max = duration("market.yahoo.maxBackoff", Duration.ofSeconds(1), Duration.ofHours(1), "5m", yahooDefaults.maxBackoff());
            int attempts = (int) integer("market.yahoo.attempts", 1, 10, "4", yahooDefaults.attempts());
            max = backoffInOrder("market.yahoo", initial, max);
            Csv csv = new Csv(csvFiles("market.csv.files"), bool("market.csv.skipBadRows", "false", defaults.csv().skipBadRows()));
            return new Market(provider, tickers, staleAfter, simulated, new YahooSettings(baseUrl, poll, timeout, initial, max, attempts), csv);
        }

        /** The news default to the market's own: simulated headlines with the simulated market, Alpaca's with Alpaca's, RSS with another real one. */
        private News news(News defaults, MarketProvider market) {
            NewsProvider fallback = switch (market) {
                case SIMULATED -> NewsProvider.SIMULATED;
                case ALPACA -> NewsProvider.ALPACA;
                case YAHOO, CSV -> NewsProvider.RSS;
            };
            NewsProvider provider = choice("news.provider", NewsProvider.class, fallback);
            if (provider == NewsProvider.ALPACA && market == MarketProvider.SIMULATED) {
                errors.add(new ConfigError(where("news.provider"), "\"alpaca\" follows the market's tickers, and the simulated market has no real ones",
                        "simulated with the simulated market, or a real market (yahoo, csv, alpaca) for alpaca news", "provider: simulated"));
                provider = fallback;
            }
            if (provider == NewsProvider.SIMULATED && market != MarketProvider.SIMULATED) {
                errors.add(new ConfigError(where("news.provider"), "\"simulated\" needs the simulated market, and the market is " + market.name().toLowerCase(Locale.ROOT),
                        "rss or none with a real market", "provider: rss"));
                provider = fallback;
            }
            RssSettings rss = defaults.rss();
            Duration poll = duration("news.rss.pollInterval", Duration.ofSeconds(10), Duration.ofDays(1), "2m", rss.pollInterval());
            Duration timeout = duration("news.rss.timeout", Duration.ofSeconds(1), Duration.ofMinutes(5), "10s", rss.timeout());
            Duration initial = duration("news.rss.initialBackoff", Duration.ofSeconds(1), Duration.ofHours(1), "30s", rss.initialBackoff());
            Duration max = duration("news.rss.maxBackoff", Duration.ofSeconds(1), Duration.ofDays(1), "30m", rss.maxBackoff());
            max = backoffInOrder("news.rss", initial, max);
            String template = feedTemplate("news.rss.defaultFeed", defaults.defaultFeed());
            Map<Ticker, List<URI>> feeds = feeds("news.rss.feeds");
            return new News(provider, new RssSettings(poll, timeout, initial, max, rss.remembered()), template, feeds);
        }

        private Alpaca alpaca(Alpaca defaults) {
            AlpacaSettings settings = defaults.settings();
            AlpacaFeed feed = choice("alpaca.feed", AlpacaFeed.class, settings.feed());
            URI dataUrl = url("alpaca.dataUrl", "https://data.alpaca.markets", settings.dataUrl());
            URI streamUrl = streamUrl("alpaca.streamUrl", settings.streamUrl());
            Duration timeout = duration("alpaca.timeout", Duration.ofSeconds(1), Duration.ofMinutes(5), "10s", settings.timeout());
            Duration initial = duration("alpaca.initialBackoff", Duration.ofMillis(100), Duration.ofMinutes(10), "1s", settings.initialBackoff());
            Duration max = duration("alpaca.maxBackoff", Duration.ofSeconds(1), Duration.ofHours(1), "5m", settings.maxBackoff());
            int attempts = (int) integer("alpaca.attempts", 1, 10, "4", settings.attempts());
            max = backoffInOrder("alpaca", initial, max);
            return new Alpaca(new AlpacaSettings(dataUrl, streamUrl, feed, timeout, initial, max, attempts),
                    variableName("alpaca.keyIdVariable", defaults.keyIdVariable()),
                    variableName("alpaca.secretKeyVariable", defaults.secretKeyVariable()));
        }

        /**
         * The broker, paper unless said otherwise. Real money needs {@code live: true} in so many
         * words: a live server without it, or it without Alpaca, is an error, and so is an Alpaca
         * account on the simulated market, whose prices are not the account's.
         */
        private QuorumConfig.Broker broker(MarketProvider market) {
            QuorumConfig.Broker paper = QuorumConfig.Broker.paper();
            BrokerProvider provider = choice("broker.provider", BrokerProvider.class, BrokerProvider.PAPER);
            boolean live = bool("broker.live", "false", false);
            if (live && provider != BrokerProvider.ALPACA) {
                errors.add(new ConfigError(where("broker.live"), "is true, and only an Alpaca account trades live", "false, or provider: alpaca with it",
                        "broker: {provider: alpaca, live: true}"));
                live = false;
            }
            if (provider == BrokerProvider.ALPACA && market == MarketProvider.SIMULATED) {
                errors.add(new ConfigError(where("broker.provider"), "\"alpaca\" fills at the real market's prices, and the market is simulated",
                        "paper with the simulated market, or a real market (alpaca, yahoo) for an Alpaca account", "market: {provider: alpaca, tickers: [AAPL]}"));
            }
            AlpacaTradingSettings defaults = AlpacaTradingSettings.of(live);
            URI tradingUrl = url("broker.tradingUrl", AlpacaTradingSettings.PAPER.toString(), defaults.tradingUrl());
            if (!live && tradingUrl.getHost().equalsIgnoreCase(AlpacaTradingSettings.LIVE.getHost())) {
                errors.add(new ConfigError(where("broker.tradingUrl"), "is the live server, which trades real money, and broker.live is not true",
                        "the paper server, or live: true beside it", "tradingUrl: " + AlpacaTradingSettings.PAPER));
            }
            if (live && tradingUrl.getHost().equalsIgnoreCase(AlpacaTradingSettings.PAPER.getHost())) {
                errors.add(new ConfigError(where("broker.tradingUrl"), "is the paper server, and broker.live is true", "the live server with live: true",
                        "tradingUrl: " + AlpacaTradingSettings.LIVE));
            }
            Duration timeout = duration("broker.timeout", Duration.ofSeconds(1), Duration.ofMinutes(1), "5s", defaults.timeout());
            Duration poll = duration("broker.pollInterval", Duration.ofSeconds(1), Duration.ofMinutes(1), "2s", defaults.pollInterval());
            boolean venueBrackets = choice("broker.brackets", StopsKeptBy.class, StopsKeptBy.VENUE) == StopsKeptBy.VENUE;
            if (provider == BrokerProvider.PAPER) return paper;
            return new QuorumConfig.Broker(provider, live, defaults.withServer(tradingUrl).withTimeout(timeout).withPollInterval(poll).withVenueBrackets(venueBrackets));
        }

        private Duration backoffInOrder(String section, Duration initial, Duration max) {
            if (max.compareTo(initial) >= 0) return max;
            errors.add(new ConfigError(where(section + ".maxBackoff"), "is " + show(max) + ", shorter than initialBackoff " + show(initial),
                    "a duration at least initialBackoff", "maxBackoff: 5m"));
            return initial;
        }

        // --- values -----------------------------------------------------------------------

        private <E extends Enum<E>> E choice(String path, Class<E> type, E fallback) {
            JsonNode node = at(path);
            if (absent(node)) return fallback;
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) names.add(constant.name().toLowerCase(Locale.ROOT));
            String text = node.isValueNode() ? node.asText().strip().toLowerCase(Locale.ROOT) : "";
            int index = names.indexOf(text);
            if (node.isValueNode() && index >= 0) return type.getEnumConstants()[index];
            errors.add(new ConfigError(where(path), found(node) + " is not a choice here", "one of " + String.join(", ", names),
                    leaf(path) + ": " + names.get(Math.min(1, names.size() - 1))));
            return fallback;
        }

        private Duration duration(String path, Duration min, Duration max, String example, Duration fallback) {
            return values.duration(path, at(path), min, max, example, fallback);
        }

        private long integer(String path, long min, long max, String example, long fallback) {
            return values.whole(path, at(path), min, max, example, fallback);
        }

        private double decimal(String path, double min, double max, String example, double fallback) {
            return values.decimal(path, at(path), min, max, example, fallback);
        }

        private boolean bool(String path, String example, boolean fallback) {
            return values.bool(path, at(path), example, fallback);
        }

        private URI url(String path, String example, URI fallback) {
            return values.url(path, at(path), leaf(path) + ": " + example, fallback);
        }

        private URI streamUrl(String path, URI fallback) {
            JsonNode node = at(path);
            if (absent(node)) return fallback;
            try {
                URI uri = node.isTextual() ? new URI(node.asText().strip()) : null;
                if (uri != null && uri.getHost() != null && ("ws".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme()))) return uri;
            } catch (URISyntaxException notAUrl) {
                // reported below
            }
            errors.add(new ConfigError(where(path), found(node) + " is not a ws or wss URL", "an absolute ws(s) URL", leaf(path) + ": wss://stream.data.alpaca.markets"));
            return fallback;
        }

        /** The name of an environment variable; a value that is not one is refused without being repeated, in case it is the key itself. */
        private String variableName(String path, String fallback) {
            JsonNode node = at(path);
            if (absent(node)) return fallback;
            if (node.isTextual() && VARIABLE_NAME.matcher(node.asText().strip()).matches()) return node.asText().strip();
            errors.add(new ConfigError(where(path), "is not the name of an environment variable (its value is not shown here, in case it is a key)",
                    "upper-case letters, digits and underscores, with at least one underscore; the key itself goes in that variable",
                    leaf(path) + ": " + fallback));
            return fallback;
        }

        private String feedTemplate(String path, String fallback) {
            JsonNode node = at(path);
            if (absent(node)) return fallback;
            String text = node.isTextual() ? node.asText().strip() : "";
            URI filled = text.contains("{ticker}") ? httpUrl(new TextNode(text.replace("{ticker}", "AAPL"))) : null;
            if (filled != null) return text;
            errors.add(new ConfigError(where(path), found(node) + " is not a feed URL with {ticker} in it",
                    "an http(s) URL in which {ticker} stands for the symbol", leaf(path) + ": \"" + fallback + "\""));
            return fallback;
        }

        private List<Ticker> tickers(String path) {
            JsonNode node = at(path);
            if (absent(node)) return List.of();
            List<JsonNode> items = new ArrayList<>();
            if (node.isArray()) node.forEach(items::add);
            else if (node.isTextual()) for (String part : node.asText().split(",")) items.add(new TextNode(part.strip()));
            else {
                errors.add(new ConfigError(where(path), "is " + kind(node) + ", not a list", "a list of 1 to 50 ticker symbols", "tickers: [AAPL, MSFT]"));
                return List.of();
            }
            if (items.size() > 50) {
                errors.add(new ConfigError(where(path), "has " + items.size() + " tickers", "a list of 1 to 50 ticker symbols", "tickers: [AAPL, MSFT]"));
            }
            List<Ticker> tickers = new ArrayList<>();
            Set<Ticker> seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                Ticker ticker = ticker(path + "[" + i + "]", items.get(i));
                if (ticker == null) continue;
                if (!seen.add(ticker)) {
                    errors.add(new ConfigError(where(path) + "[" + i + "]", ticker + " is listed twice", "each ticker once", "tickers: [AAPL, MSFT]"));
                } else {
                    tickers.add(ticker);
                }
            }
            return tickers;
        }

        private Ticker ticker(String path, JsonNode node) {
            if (node.isTextual()) {
                try {
                    return Ticker.of(node.asText());
                } catch (IllegalArgumentException notASymbol) {
                    // reported below
                }
            }
            errors.add(new ConfigError(path, found(node) + " is not a ticker symbol", "1 to 10 letters, digits, '.' or '-', starting with a letter", "AAPL"));
            return null;
        }

        private List<CsvFile> csvFiles(String path) {
            JsonNode node = at(path);
            if (absent(node)) return List.of();
            String example = "files: [{ticker: AAPL, path: data/aapl.csv}]";
            if (!node.isArray()) {
                errors.add(new ConfigError(where(path), "is " + kind(node) + ", not a list", "a list of {ticker, path}", example));
                return List.of();
            }
            List<CsvFile> files = new ArrayList<>();
            Set<Ticker> seen = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                String itemPath = path + "[" + i + "]";
                JsonNode item = node.get(i);
                if (!item.isObject()) {
                    errors.add(new ConfigError(itemPath, "is " + kind(item) + ", not a file", "a mapping with ticker and path", "{ticker: AAPL, path: data/aapl.csv}"));
                    continue;
                }
                for (var names = item.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!name.equals("ticker") && !name.equals("path")) {
                        errors.add(new ConfigError(itemPath + "." + name, "is not a known key", "one of ticker, path", "{ticker: AAPL, path: data/aapl.csv}"));
                    }
                }
                Ticker ticker = item.has("ticker") ? ticker(itemPath + ".ticker", item.get("ticker")) : null;
                if (!item.has("ticker")) errors.add(new ConfigError(itemPath + ".ticker", "is missing", "the ticker the file holds", "ticker: AAPL"));
                Path file = null;
                JsonNode pathNode = item.path("path");
                if (pathNode.isTextual() && !pathNode.asText().isBlank()) {
                    try {
                        file = Path.of(pathNode.asText().strip());
                    } catch (InvalidPathException notAPath) {
                        errors.add(new ConfigError(itemPath + ".path", found(pathNode) + " is not a file path", "a path to a CSV file", "path: data/aapl.csv"));
                    }
                } else {
                    errors.add(new ConfigError(itemPath + ".path", pathNode.isMissingNode() ? "is missing" : found(pathNode) + " is not a file path",
                            "a path to a CSV file, relative to the working directory", "path: data/aapl.csv"));
                }
                if (ticker != null && !seen.add(ticker)) {
                    errors.add(new ConfigError(itemPath + ".ticker", ticker + " has a file already", "one file per ticker", "{ticker: MSFT, path: data/msft.csv}"));
                } else if (ticker != null && file != null) {
                    files.add(new CsvFile(ticker, file));
                }
            }
            return files;
        }

        private Map<Ticker, List<URI>> feeds(String path) {
            JsonNode node = at(path);
            Map<Ticker, List<URI>> feeds = new LinkedHashMap<>();
            if (absent(node)) return feeds;
            String example = "feeds: {AAPL: [\"https://feeds.finance.yahoo.com/rss/2.0/headline?s=AAPL\"]}";
            if (!node.isObject()) {
                errors.add(new ConfigError(where(path), "is " + kind(node) + ", not a mapping", "a mapping of ticker to a list of feed URLs", example));
                return feeds;
            }
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                String tickerPath = path + "." + field.getKey();
                Ticker ticker = ticker(tickerPath, new TextNode(field.getKey()));
                List<JsonNode> urls = new ArrayList<>();
                if (field.getValue().isArray()) field.getValue().forEach(urls::add);
                else urls.add(field.getValue());
                List<URI> valid = new ArrayList<>();
                for (int i = 0; i < urls.size(); i++) {
                    URI url = httpUrl(urls.get(i));
                    if (url == null) {
                        errors.add(new ConfigError(tickerPath + "[" + i + "]", found(urls.get(i)) + " is not an http or https URL", "an absolute http(s) URL of an RSS or Atom feed", example));
                    } else {
                        valid.add(url);
                    }
                }
                if (ticker != null) feeds.put(ticker, valid);
            }
            return feeds;
        }

        // --- helpers ----------------------------------------------------------------------

        private JsonNode at(String path) {
            JsonNode node = root;
            if (path.isEmpty()) return node;
            for (String segment : path.split("\\.")) node = node.path(segment);
            return node;
        }

        private String where(String path) {
            String variable = overriddenBy.get(path);
            return variable == null ? path : path + " (from " + variable + ")";
        }
    }
}
