package io.quorum.engine.desk;

import io.quorum.engine.session.AutoTradingConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** A config as the journal keeps it: each field under its API name, as text. */
final class ConfigFields {
    private ConfigFields() {}

    static Map<String, String> of(AutoTradingConfig config) {
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
        return fields;
    }
}
