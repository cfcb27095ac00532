package io.quorum.server.http;

import io.quorum.engine.session.SizingRule;
import io.quorum.server.api.AutoTradingConfigView;
import io.quorum.server.api.DeskException;
import io.quorum.server.api.FieldError;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Shape checks the edge makes before the desk sees a request: present, parseable, well formed.
 * Collects every error so that the client learns about all its bad fields at once. Ranges and
 * business rules are the desk's.
 */
final class FieldChecks {
    private static final int MAX_DECIMAL_LENGTH = 32;
    private static final List<String> SIZING_RULES = Stream.of(SizingRule.Kind.values()).map(Enum::name).toList();

    private final List<FieldError> errors = new ArrayList<>();

    FieldChecks required(String field, Object value) {
        if (value == null) errors.add(new FieldError(field, "is required"));
        return this;
    }

    /** The id of a proposal, as the session's card shows it. */
    FieldChecks proposalId(String field, String value) {
        if (value == null || value.isBlank()) errors.add(new FieldError(field, "is required: the id of the proposal you are answering, from the session's card"));
        else if (!value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) errors.add(new FieldError(field, "a proposal id such as 2f0c6c5e-1c1a-4c8e-9a51-6b1f3f1f2a10"));
        return this;
    }

    FieldChecks text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) errors.add(new FieldError(field, "is required"));
        else if (value.length() > maxLength) errors.add(new FieldError(field, "at most " + maxLength + " characters"));
        return this;
    }

    /** Text that may be left out, but not blank or longer than {@code maxLength}. */
    FieldChecks optionalText(String field, String value, int maxLength) {
        return value == null ? this : text(field, value, maxLength);
    }

    /** One of {@code choices}, or nothing. */
    FieldChecks oneOf(String field, String value, List<String> choices) {
        if (value != null && !choices.contains(value)) errors.add(new FieldError(field, "must be one of " + String.join(", ", choices)));
        return this;
    }

    /** A session's sizing rule, or nothing (the default rule): a rule the desk knows, and each input it may carry a decimal in range. */
    FieldChecks sizing(AutoTradingConfigView.SizingView sizing) {
        if (sizing == null) return this;
        if (sizing.rule() == null) errors.add(new FieldError("sizing.rule", "is required: one of " + String.join(", ", SIZING_RULES)));
        return oneOf("sizing.rule", sizing.rule(), SIZING_RULES)
                .decimal("sizing.riskPct", sizing.riskPct(), false, DecimalRange.PERCENT)
                .decimal("sizing.atrMultiple", sizing.atrMultiple(), false, DecimalRange.PERCENT)
                .decimal("sizing.targetDailyVolPct", sizing.targetDailyVolPct(), false, DecimalRange.PERCENT)
                .decimal("sizing.amount", sizing.amount(), false, DecimalRange.DOLLARS);
    }

    /** A whole number from {@code min} to {@code max}, or nothing. */
    FieldChecks whole(String field, Long value, long min, long max) {
        if (value != null && (value < min || value > max)) errors.add(new FieldError(field, "a whole number from " + min + " to " + max));
        return this;
    }

    /** A day written YYYY-MM-DD, or nothing. */
    FieldChecks date(String field, String value) {
        if (value == null) return this;
        String problem = "must be a day YYYY-MM-DD, such as 2024-01-31";
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            errors.add(new FieldError(field, problem));
            return this;
        }
        try {
            LocalDate.parse(value);
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, problem));
        }
        return this;
    }

    /**
     * A non-negative decimal string such as {@code "178.50"}, within {@code range}; null passes
     * unless required. The bounds come before any arithmetic: {@code "1E-99999999"} is a short
     * string for a hundred million digits, and {@code "1E+999999999"} for a billion.
     */
    FieldChecks decimal(String field, String value, boolean required, DecimalRange range) {
        if (value == null) {
            if (required) errors.add(new FieldError(field, "is required: " + range.describe()));
            return this;
        }
        if (value.length() > MAX_DECIMAL_LENGTH) {
            errors.add(new FieldError(field, "is too long for a decimal: " + range.describe()));
            return this;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a decimal string such as \"12.50\": " + range.describe()));
            return this;
        }
        if (!range.contains(number)) errors.add(new FieldError(field, range.describe()));
        return this;
    }

    /**
     * The decimals a field accepts: from 0 to {@code max}, with at most {@code maxScale} decimal
     * places. Checked on the unscaled value and the scale alone, so that an out-of-range exponent
     * costs nothing to refuse.
     */
    record DecimalRange(BigDecimal max, int maxScale, String example) {
        /** Per cents of a limit: 0 to 100 in steps of 0.0001. */
        static final DecimalRange PERCENT = new DecimalRange(new BigDecimal("100"), 4, "25.5");
        /** Dollars of a threshold: 0 to a trillion, in cents. */
        static final DecimalRange DOLLARS = new DecimalRange(new BigDecimal("1000000000000"), 2, "10000.00");
        /** A price per share: 0 to a million dollars, in micro-dollars as the engine holds prices. */
        static final DecimalRange PRICE = new DecimalRange(new BigDecimal("1000000"), 6, "178.50");
        /** A price an order may carry: up to $1,000,000, in hundredths of a cent, as US equity venues take them. */
        static final DecimalRange ORDER_PRICE = new DecimalRange(new BigDecimal("1000000"), 4, "178.50");
        /** A backtest's commission: 0 to a thousand dollars, in micro-dollars. */
        static final DecimalRange COMMISSION = new DecimalRange(new BigDecimal("1000"), 6, "0.005");

        boolean contains(BigDecimal number) {
            if (number.signum() < 0 || number.compareTo(max) > 0) return false;
            // Within the range, the magnitude is bounded, so stripping trailing zeros is cheap.
            return number.signum() == 0 || number.scale() <= maxScale || number.stripTrailingZeros().scale() <= maxScale;
        }

        String describe() {
            return "a decimal from 0 to " + max.toPlainString() + " with at most " + maxScale + " decimal places, such as \"" + example + "\"";
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    FieldChecks wholeNumber(String field, Long value, long min, long max) {
        if (value == null) errors.add(new FieldError(field, "is required: a whole number from " + min + " to " + max));
        else if (value < min || value > max) errors.add(new FieldError(field, "a whole number from " + min + " to " + max));
        return this;
    }

    /** A price within {@code range} and above 0; null passes unless required. */
    FieldChecks positivePrice(String field, String value, boolean required, DecimalRange range) {
        int before = errors.size();
        decimal(field, value, required, range);
        if (errors.size() == before && value != null && new BigDecimal(value).signum() == 0) errors.add(new FieldError(field, "must be above 0: " + range.describe()));
        return this;
    }

    FieldChecks timeOfDay(String field, String value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (!value.matches("\\d{2}:\\d{2}")) {
            errors.add(new FieldError(field, "must be a time HH:mm"));
        } else {
            try {
                LocalTime.parse(value);
            } catch (DateTimeException e) {
                errors.add(new FieldError(field, "must be a time HH:mm"));
            }
        }
        return this;
    }

    FieldChecks zone(String field, String value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else {
            try {
                ZoneId.of(value);
            } catch (DateTimeException e) {
                errors.add(new FieldError(field, "is not a time zone such as America/New_York"));
            }
        }
        return this;
    }

    void orThrow() {
        if (!errors.isEmpty()) throw new DeskException.Invalid(errors);
    }
}
