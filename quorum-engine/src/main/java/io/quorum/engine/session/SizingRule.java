package io.quorum.engine.session;

import io.quorum.engine.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a session sizes a trade, before the position and portfolio limits cap it
 * ({@link io.quorum.engine.risk.PositionSizer}). Each rule gives whole shares, rounded down.
 * Per cents are {@link BigDecimal} per cent ({@code 1} is 1 %). Every rule is built only valid:
 * its constructor throws a {@link ConfigViolation} naming each wrong input under its API name
 * ({@code sizing.riskPct}, …).
 */
public sealed interface SizingRule {
    /** The most a rule may risk or target a day, in per cent of equity. */
    BigDecimal MOST_PCT = BigDecimal.TEN;
    /** The widest stop an ATR rule may assume, in ATRs. */
    BigDecimal MOST_ATR_MULTIPLE = BigDecimal.TEN;
    /** The most a fixed amount may put into one trade. */
    Money MOST_AMOUNT = Money.ofDollars(1_000_000_000);
    int MULTIPLE_PLACES = 4;

    /** The rules, as the API and the journal name them. */
    enum Kind { FIXED_FRACTIONAL, ATR_MULTIPLE, VOLATILITY_TARGET, FIXED_AMOUNT }

    Kind kind();

    /** Whether the rule reads the ticker's ATR(14). */
    default boolean readsAtr() { return kind() == Kind.ATR_MULTIPLE || kind() == Kind.VOLATILITY_TARGET; }

    /** What a session sizes by when it chose nothing: 1 % of equity at risk between entry and stop. */
    static SizingRule defaultRule() { return new FixedFractional(BigDecimal.ONE); }

    /** Risks {@code riskPct} of equity between the entry and the proposal's stop. */
    record FixedFractional(BigDecimal riskPct) implements SizingRule {
        public FixedFractional { requirePercent("sizing.riskPct", riskPct); }

        @Override public Kind kind() { return Kind.FIXED_FRACTIONAL; }
    }

    /** Risks {@code riskPct} of equity over a stop {@code atrMultiple} ATR(14) from the entry, whatever the proposal's stop. */
    record AtrMultiple(BigDecimal riskPct, BigDecimal atrMultiple) implements SizingRule {
        public AtrMultiple {
            List<FieldError> problems = new ArrayList<>();
            AutoTradingConfig.checkPercent(problems, "sizing.riskPct", riskPct, MOST_PCT);
            checkMultiple(problems, atrMultiple);
            throwAny(problems);
        }

        @Override public Kind kind() { return Kind.ATR_MULTIPLE; }
    }

    /** Shares whose daily move, one ATR(14) each, is {@code targetDailyVolPct} of equity. */
    record VolatilityTarget(BigDecimal targetDailyVolPct) implements SizingRule {
        public VolatilityTarget { requirePercent("sizing.targetDailyVolPct", targetDailyVolPct); }

        @Override public Kind kind() { return Kind.VOLATILITY_TARGET; }
    }

    /** As many shares as {@code amount} buys at the entry. */
    record FixedAmount(Money amount) implements SizingRule {
        public FixedAmount {
            if (amount == null) throw new ConfigViolation(List.of(new FieldError("sizing.amount", "is required")));
            if (!amount.isPositive() || amount.compareTo(MOST_AMOUNT) > 0) {
                throw new ConfigViolation(List.of(new FieldError("sizing.amount", "must be above 0 and at most " + MOST_AMOUNT + " USD, was " + amount)));
            }
        }

        @Override public Kind kind() { return Kind.FIXED_AMOUNT; }
    }

    /**
     * The rule {@code kind} with the inputs it reads (the others are ignored), or a
     * {@link ConfigViolation} naming every input that is missing or out of bounds.
     */
    static SizingRule of(Kind kind, BigDecimal riskPct, BigDecimal atrMultiple, BigDecimal targetDailyVolPct, Money amount) {
        Objects.requireNonNull(kind, "kind");
        return switch (kind) {
            case FIXED_FRACTIONAL -> new FixedFractional(riskPct);
            case ATR_MULTIPLE -> new AtrMultiple(riskPct, atrMultiple);
            case VOLATILITY_TARGET -> new VolatilityTarget(targetDailyVolPct);
            case FIXED_AMOUNT -> new FixedAmount(amount);
        };
    }

    private static void checkMultiple(List<FieldError> problems, BigDecimal multiple) {
        if (multiple == null) {
            problems.add(new FieldError("sizing.atrMultiple", "is required"));
        } else if (multiple.signum() <= 0 || multiple.compareTo(MOST_ATR_MULTIPLE) > 0) {
            problems.add(new FieldError("sizing.atrMultiple", "must be above 0 and at most " + MOST_ATR_MULTIPLE + " ATR, was " + multiple));
        } else if (multiple.scale() > MULTIPLE_PLACES && multiple.stripTrailingZeros().scale() > MULTIPLE_PLACES) {
            problems.add(new FieldError("sizing.atrMultiple", "at most " + MULTIPLE_PLACES + " decimal places, was " + multiple));
        }
    }

    private static void requirePercent(String field, BigDecimal pct) {
        List<FieldError> problems = new ArrayList<>();
        AutoTradingConfig.checkPercent(problems, field, pct, MOST_PCT);
        throwAny(problems);
    }

    private static void throwAny(List<FieldError> problems) {
        if (!problems.isEmpty()) throw new ConfigViolation(problems);
    }
}
