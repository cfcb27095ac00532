package io.quorum.adapters.config;

import static io.quorum.adapters.config.ConfigValues.absent;
import static io.quorum.adapters.config.ConfigValues.found;
import static io.quorum.adapters.config.ConfigValues.kind;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.portfolio.PortfolioLimits;
import io.quorum.engine.portfolio.RiskSettings;
import io.quorum.engine.portfolio.StressScenario;
import io.quorum.engine.portfolio.StressScenario.HistoricalReplay;
import io.quorum.engine.portfolio.StressScenario.TickerShocks;
import io.quorum.engine.portfolio.StressScenario.UniformGap;
import io.quorum.engine.portfolio.StressScenario.VolatilitySpike;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the {@code risk} section and builds the desk's {@link RiskSettings}: the window of the
 * VaR, the stress scenarios and the account's limits. The section's own keys are checked by
 * {@link QuorumConfigValidator}. Every figure is in per cent, as a trader says it; the engine's
 * moves are fractions.
 *
 * <pre>
 * risk:
 *   historyDays: 250            # daily returns behind the historical VaR and the correlations
 *   gapPct: -10                 # the uniform gap: every price at once
 *   sectorShockPct: -20         # each sector held, one at a time
 *   stopSlipAtr: 2              # the volatility spike: stops slip this many ATRs
 *   replays: [march-2020, october-2008]
 *   limits: {grossPct: 200, netPct: 100, sectorPct: 60, varPct: 5, stressLossPct: 25}
 *   shocks:
 *     - {name: chip selloff, moves: {NVDA: -25, AMD: -20}}
 * </pre>
 */
final class RiskConfigValidator {
    static final List<String> KEYS = List.of("historyDays", "gapPct", "sectorShockPct", "stopSlipAtr", "replays", "limits", "shocks");
    private static final List<String> LIMIT_KEYS = List.of("grossPct", "netPct", "sectorPct", "varPct", "stressLossPct");
    private static final List<String> SHOCK_KEYS = List.of("name", "moves");
    private static final Map<String, HistoricalReplay> REPLAYS = Map.of("march-2020", HistoricalReplay.MARCH_2020, "october-2008", HistoricalReplay.OCTOBER_2008);
    private static final String SHOCK_EXAMPLE = "{name: chip selloff, moves: {NVDA: -25, AMD: -20}}";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The bounds of every stress move, in per cent: a fall to zero, a rise to eleven times the price. */
    private static final BigDecimal LOWEST_MOVE = BigDecimal.valueOf(-100);
    private static final BigDecimal HIGHEST_MOVE = StressScenario.LARGEST_MOVE.multiply(HUNDRED);

    private final JsonNode section;
    private final ConfigValues values;

    RiskConfigValidator(JsonNode section, ConfigValues values) {
        this.section = section;
        this.values = values;
    }

    RiskSettings settings() {
        RiskSettings defaults = RiskSettings.defaults();
        if (absent(section) || !section.isObject()) return defaults;
        int historyDays = (int) values.whole("risk.historyDays", section.path("historyDays"), 2, 5_000, "250", defaults.historyDays());
        BigDecimal gap = move("risk.gapPct", section.path("gapPct"), "-10", RiskSettings.DEFAULT_GAP);
        BigDecimal sectorShock = move("risk.sectorShockPct", section.path("sectorShockPct"), "-20", defaults.sectorShock());
        BigDecimal stopSlip = values.amount("risk.stopSlipAtr", section.path("stopSlipAtr"), new BigDecimal("0.0001"), BigDecimal.valueOf(20), 4, "a number of ATRs",
                "2", RiskSettings.DEFAULT_STOP_SLIP_ATR);
        List<StressScenario> scenarios = new ArrayList<>();
        scenarios.add(new UniformGap(gap));
        scenarios.add(new VolatilitySpike(stopSlip));
        scenarios.addAll(replays(section.path("replays")));
        scenarios.addAll(shocks(section.path("shocks")));
        return new RiskSettings(historyDays, sectorShock, scenarios, limits(section.path("limits"), defaults.limits()));
    }

    private PortfolioLimits limits(JsonNode node, PortfolioLimits defaults) {
        String example = "limits: {varPct: 5}";
        values.knownKeys("risk.limits", node, LIMIT_KEYS, example);
        if (!node.isObject()) return defaults;
        BigDecimal tenTimes = BigDecimal.valueOf(1_000);
        return new PortfolioLimits(
                limit("risk.limits.grossPct", node.path("grossPct"), tenTimes, "200", defaults.maxGrossExposurePct()),
                limit("risk.limits.netPct", node.path("netPct"), tenTimes, "100", defaults.maxNetExposurePct()),
                limit("risk.limits.sectorPct", node.path("sectorPct"), tenTimes, "60", defaults.maxSectorPct()),
                limit("risk.limits.varPct", node.path("varPct"), HUNDRED, "5", defaults.maxVarPct()),
                limit("risk.limits.stressLossPct", node.path("stressLossPct"), HUNDRED, "25", defaults.maxStressLossPct()));
    }

    /** A limit in per cent of equity: above zero, at most {@code most}, two decimals. */
    private BigDecimal limit(String path, JsonNode node, BigDecimal most, String example, BigDecimal fallback) {
        BigDecimal value = values.amount(path, node, BigDecimal.ZERO, most, 2, "per cent of equity", example, fallback);
        if (value.signum() > 0) return value;
        values.error(path, "0 would refuse every order", "per cent of equity above 0", ConfigValues.leaf(path) + ": " + example);
        return fallback;
    }

    /** A price move in per cent, as the engine's fraction. */
    private BigDecimal move(String path, JsonNode node, String example, BigDecimal fallback) {
        BigDecimal percent = values.amount(path, node, LOWEST_MOVE, HIGHEST_MOVE, 2, "per cent of the price", example, null);
        return percent == null ? fallback : percent.movePointLeft(2);
    }

    private List<HistoricalReplay> replays(JsonNode node) {
        List<HistoricalReplay> all = RiskSettings.DEFAULT_REPLAYS;
        if (absent(node)) return all;
        String expected = "a list of " + String.join(", ", REPLAYS.keySet().stream().sorted().toList()) + " (or [] for none)";
        if (!node.isArray()) {
            values.error("risk.replays", "is " + kind(node) + ", not a list", expected, "replays: [march-2020]");
            return all;
        }
        Set<HistoricalReplay> chosen = new LinkedHashSet<>();
        for (JsonNode item : node) {
            HistoricalReplay replay = item.isTextual() ? REPLAYS.get(item.asText().strip().toLowerCase(Locale.ROOT)) : null;
            if (replay == null) values.error("risk.replays", found(item) + " is not a period the desk can replay", expected, "replays: [march-2020]");
            else chosen.add(replay);
        }
        return List.copyOf(chosen);
    }

    private List<TickerShocks> shocks(JsonNode node) {
        if (absent(node)) return List.of();
        if (!node.isArray()) {
            values.error("risk.shocks", "is " + kind(node) + ", not a list", "a list of {name, moves}", "shocks: [" + SHOCK_EXAMPLE + "]");
            return List.of();
        }
        List<TickerShocks> shocks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "risk.shocks[" + i + "]";
            JsonNode item = node.get(i);
            values.knownKeys(path, item, SHOCK_KEYS, SHOCK_EXAMPLE);
            if (!item.isObject()) continue;
            int before = values.errorCount();
            JsonNode nameNode = item.path("name");
            String name = nameNode.isTextual() ? nameNode.asText().strip() : "";
            if (name.isEmpty() || name.length() > 60) {
                values.error(path + ".name", absent(nameNode) ? "is missing" : found(nameNode) + " is not a scenario's name", "a name of 1 to 60 characters", "name: chip selloff");
            } else if (!names.add(name)) {
                values.error(path + ".name", "\"" + name + "\" names another shock too", "a name of its own", "name: chip selloff 2");
            }
            Map<Ticker, BigDecimal> moves = moves(path + ".moves", item.path("moves"));
            if (values.errorCount() == before) shocks.add(new TickerShocks(name, moves));
        }
        return shocks;
    }

    private Map<Ticker, BigDecimal> moves(String path, JsonNode node) {
        Map<Ticker, BigDecimal> moves = new LinkedHashMap<>();
        if (!node.isObject() || node.isEmpty()) {
            values.error(path, absent(node) ? "is missing" : node.isObject() ? "is empty" : "is " + kind(node) + ", not a mapping",
                    "a mapping of ticker to its move in per cent", "moves: {NVDA: -25, AMD: -20}");
            return moves;
        }
        for (var fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            Ticker ticker;
            try {
                ticker = Ticker.of(field.getKey());
            } catch (IllegalArgumentException notASymbol) {
                values.error(path + "." + field.getKey(), "is not a ticker symbol", "1 to 10 letters, digits, '.' or '-', starting with a letter", "NVDA: -25");
                continue;
            }
            BigDecimal move = move(path + "." + field.getKey(), field.getValue(), "-25", null);
            if (move != null) moves.put(ticker, move);
        }
        return moves;
    }
}
