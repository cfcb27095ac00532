package io.quorum.engine.session;

import io.quorum.engine.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** A config as the journal keeps it: each field under its API name, as text. */
public final class ConfigFields {
    private ConfigFields() {}

    public static Map<String, String> of(AutoTradingConfig config) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("maxPositionPct", config.maxPositionPct().toPlainString());
        fields.put("maxDailyLossPct", config.maxDailyLossPct().toPlainString());
        fields.put("maxTradesPerDay", Integer.toString(config.maxTradesPerDay()));
        fields.put("tradingHoursStart", config.tradingHoursStart().toString());
        fields.put("tradingHoursEnd", config.tradingHoursEnd().toString());
        fields.put("timeZone", config.timeZone().getId());
        fields.put("requireConfirmationAbove", config.requireConfirmationAbove().toBigDecimal().toPlainString());
        fields.put("decisionTimeoutSeconds", Long.toString(config.decisionTimeout().toSeconds()));
        fields.put("quorum", Integer.toString(config.quorum()));
        fields.put("trailingStopPct", config.trailingStopPct() == null ? "" : config.trailingStopPct().toPlainString());
        fields.put("flattenOnMaxLoss", Boolean.toString(config.flattenOnMaxLoss()));
        putSizing(fields, config.sizing());
        return fields;
    }

    /** The config journaled as {@link #of}; a field missing from an older journal keeps its default. */
    public static AutoTradingConfig toConfig(Map<String, String> fields) {
        AutoTradingConfig d = AutoTradingConfig.defaults();
        String trailing = fields.getOrDefault("trailingStopPct", "");
        return new AutoTradingConfig(
                decimal(fields, "maxPositionPct", d.maxPositionPct()),
                decimal(fields, "maxDailyLossPct", d.maxDailyLossPct()),
                Integer.parseInt(fields.getOrDefault("maxTradesPerDay", Integer.toString(d.maxTradesPerDay()))),
                LocalTime.parse(fields.getOrDefault("tradingHoursStart", d.tradingHoursStart().toString())),
                LocalTime.parse(fields.getOrDefault("tradingHoursEnd", d.tradingHoursEnd().toString())),
                ZoneId.of(fields.getOrDefault("timeZone", d.timeZone().getId())),
                fields.containsKey("requireConfirmationAbove") ? Money.parse(fields.get("requireConfirmationAbove")) : d.requireConfirmationAbove(),
                Duration.ofSeconds(Long.parseLong(fields.getOrDefault("decisionTimeoutSeconds", Long.toString(d.decisionTimeout().toSeconds())))),
                Integer.parseInt(fields.getOrDefault("quorum", Integer.toString(d.quorum()))),
                trailing.isEmpty() ? null : new BigDecimal(trailing),
                Boolean.parseBoolean(fields.getOrDefault("flattenOnMaxLoss", Boolean.toString(d.flattenOnMaxLoss()))),
                sizing(fields));
    }

    /** The rule under {@code sizing.rule}, with the one or two inputs it reads under their API names. */
    private static void putSizing(Map<String, String> fields, SizingRule rule) {
        fields.put("sizing.rule", rule.kind().name());
        switch (rule) {
            case SizingRule.FixedFractional r -> fields.put("sizing.riskPct", r.riskPct().toPlainString());
            case SizingRule.AtrMultiple r -> {
                fields.put("sizing.riskPct", r.riskPct().toPlainString());
                fields.put("sizing.atrMultiple", r.atrMultiple().toPlainString());
            }
            case SizingRule.VolatilityTarget r -> fields.put("sizing.targetDailyVolPct", r.targetDailyVolPct().toPlainString());
            case SizingRule.FixedAmount r -> fields.put("sizing.amount", r.amount().toBigDecimal().toPlainString());
        }
    }

    /** A journal written before sessions chose their sizing has no {@code sizing.rule}: such a session sized by the default rule. */
    private static SizingRule sizing(Map<String, String> fields) {
        String rule = fields.get("sizing.rule");
        if (rule == null) return SizingRule.defaultRule();
        String amount = fields.get("sizing.amount");
        return SizingRule.of(SizingRule.Kind.valueOf(rule), decimal(fields, "sizing.riskPct", null), decimal(fields, "sizing.atrMultiple", null),
                decimal(fields, "sizing.targetDailyVolPct", null), amount == null ? null : Money.parse(amount));
    }

    private static BigDecimal decimal(Map<String, String> fields, String name, BigDecimal fallback) {
        String value = fields.get(name);
        return value == null ? fallback : new BigDecimal(value);
    }
}
