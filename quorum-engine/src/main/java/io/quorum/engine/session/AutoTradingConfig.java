package io.quorum.engine.session;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits a user gives the desk when handing it trading authority. Percentages are
 * {@link BigDecimal} per cent ({@code 25} is 25 %). Trading hours are a same-day window in the
 * exchange's time zone. {@code trailingStopPct} is null when positions carry no trailing stop.
 * {@code sizing} is how the session sizes a trade ({@link SizingRule}); a config built without one
 * sizes by {@link SizingRule#defaultRule()}.
 *
 * <p>Built only valid: the constructor checks every field and throws a {@link ConfigViolation}
 * listing all problems at once, each under the field's API name. {@link #problemsWith} gives the
 * same list without throwing, for callers that prefer a value.
 */
public record AutoTradingConfig(
        BigDecimal maxPositionPct,
        BigDecimal maxDailyLossPct,
        int maxTradesPerDay,
        LocalTime tradingHoursStart,
        LocalTime tradingHoursEnd,
        ZoneId timeZone,
        Money requireConfirmationAbove,
        Duration decisionTimeout,
        int quorum,
        BigDecimal trailingStopPct,
        boolean flattenOnMaxLoss,
        SizingRule sizing) {

    public static final Duration SHORTEST_DECISION_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration LONGEST_DECISION_TIMEOUT = Duration.ofMinutes(10);
    /** The widest trailing stop a {@link io.quorum.engine.message.Proposal} accepts. */
    private static final BigDecimal WIDEST_TRAILING_STOP_PCT = BigDecimal.valueOf(50);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int PERCENT_PLACES = 8;
    private static final int VOTERS = AgentRole.VOTERS.size();

    public AutoTradingConfig {
        List<FieldError> problems = problemsWith(maxPositionPct, maxDailyLossPct, maxTradesPerDay, tradingHoursStart, tradingHoursEnd,
                timeZone, requireConfirmationAbove, decisionTimeout, quorum, trailingStopPct);
        if (sizing == null) problems.add(new FieldError("sizing", "is required"));
        if (!problems.isEmpty()) throw new ConfigViolation(problems);
    }

    /** A config that sizes by {@link SizingRule#defaultRule()}. */
    public AutoTradingConfig(BigDecimal maxPositionPct, BigDecimal maxDailyLossPct, int maxTradesPerDay, LocalTime tradingHoursStart,
                             LocalTime tradingHoursEnd, ZoneId timeZone, Money requireConfirmationAbove, Duration decisionTimeout, int quorum,
                             BigDecimal trailingStopPct, boolean flattenOnMaxLoss) {
        this(maxPositionPct, maxDailyLossPct, maxTradesPerDay, tradingHoursStart, tradingHoursEnd, timeZone, requireConfirmationAbove, decisionTimeout,
                quorum, trailingStopPct, flattenOnMaxLoss, SizingRule.defaultRule());
    }

    /** This config, sizing trades by {@code rule}. */
    public AutoTradingConfig withSizing(SizingRule rule) {
        return new AutoTradingConfig(maxPositionPct, maxDailyLossPct, maxTradesPerDay, tradingHoursStart, tradingHoursEnd, timeZone,
                requireConfirmationAbove, decisionTimeout, quorum, trailingStopPct, flattenOnMaxLoss, rule);
    }

    /**
     * The specification's defaults: 25 % per position, 5 % daily loss, 10 trades, 09:30-16:00 New York, confirm above 10,000 USD, 30 s, 3 of 5,
     * 1 % of equity at risk per trade.
     */
    public static AutoTradingConfig defaults() {
        return new AutoTradingConfig(BigDecimal.valueOf(25), BigDecimal.valueOf(5), 10, LocalTime.of(9, 30), LocalTime.of(16, 0),
                ZoneId.of("America/New_York"), Money.ofDollars(10_000), Duration.ofSeconds(30), 3, null, true);
    }

    /** Every problem with these settings, in field order; empty when they make a valid config. */
    public static List<FieldError> problemsWith(
            BigDecimal maxPositionPct,
            BigDecimal maxDailyLossPct,
            int maxTradesPerDay,
            LocalTime tradingHoursStart,
            LocalTime tradingHoursEnd,
            ZoneId timeZone,
            Money requireConfirmationAbove,
            Duration decisionTimeout,
            int quorum,
            BigDecimal trailingStopPct) {
        List<FieldError> problems = new ArrayList<>();
        checkPercent(problems, "maxPositionPct", maxPositionPct, HUNDRED);
        checkPercent(problems, "maxDailyLossPct", maxDailyLossPct, HUNDRED);
        if (maxTradesPerDay < 0) problems.add(new FieldError("maxTradesPerDay", "must not be negative, was " + maxTradesPerDay));
        if (tradingHoursStart == null) problems.add(new FieldError("tradingHoursStart", "is required"));
        if (tradingHoursEnd == null) problems.add(new FieldError("tradingHoursEnd", "is required"));
        if (tradingHoursStart != null && tradingHoursEnd != null && !tradingHoursStart.isBefore(tradingHoursEnd)) {
            problems.add(new FieldError("tradingHoursEnd", "must be after the start " + tradingHoursStart + " on the same day, was " + tradingHoursEnd));
        }
        if (timeZone == null) problems.add(new FieldError("timeZone", "is required"));
        if (requireConfirmationAbove == null) {
            problems.add(new FieldError("requireConfirmationAbove", "is required"));
        } else if (requireConfirmationAbove.isNegative()) {
            problems.add(new FieldError("requireConfirmationAbove", "must not be negative, was " + requireConfirmationAbove));
        }
        if (decisionTimeout == null) {
            problems.add(new FieldError("decisionTimeoutSeconds", "is required"));
        } else if (decisionTimeout.compareTo(SHORTEST_DECISION_TIMEOUT) < 0 || decisionTimeout.compareTo(LONGEST_DECISION_TIMEOUT) > 0) {
            problems.add(new FieldError("decisionTimeoutSeconds", "must be between 1 s and 10 min, was " + decisionTimeout.toSeconds() + " s"));
        }
        if (quorum < 1 || quorum > VOTERS) problems.add(new FieldError("quorum", "must be between 1 and " + VOTERS + " voters, was " + quorum));
        if (trailingStopPct != null) checkPercent(problems, "trailingStopPct", trailingStopPct, WIDEST_TRAILING_STOP_PCT);
        return problems;
    }

    /**
     * A per cent above 0, at most {@code max}, with at most {@value #PERCENT_PLACES} decimal
     * places: the config is journaled in plain digits, and {@code 1E-99999999} is a hundred
     * million of them. A refused value is quoted as given, never spelt out.
     */
    static void checkPercent(List<FieldError> problems, String field, BigDecimal pct, BigDecimal max) {
        if (pct == null) {
            problems.add(new FieldError(field, "is required"));
        } else if (pct.signum() <= 0 || pct.compareTo(max) > 0) {
            problems.add(new FieldError(field, "must be above 0 and at most " + max.toPlainString() + " %, was " + pct));
        } else if (pct.scale() > PERCENT_PLACES && pct.stripTrailingZeros().scale() > PERCENT_PLACES) {
            problems.add(new FieldError(field, "at most " + PERCENT_PLACES + " decimal places, was " + pct));
        }
    }
}
