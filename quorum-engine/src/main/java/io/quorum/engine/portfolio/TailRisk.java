package io.quorum.engine.portfolio;

import io.quorum.engine.money.Money;
import java.math.BigDecimal;

/**
 * One-day Value-at-Risk and Expected Shortfall at one confidence level, in dollars of loss (a
 * positive number is a loss; neither is ever below zero). Statistics stay {@code double}; {@link #valueAtRiskMoney()}
 * and {@link #expectedShortfallMoney()} are where they become money.
 */
public record TailRisk(Confidence confidence, double valueAtRisk, double expectedShortfall) {
    public TailRisk {
        if (confidence == null) throw new IllegalArgumentException("tail risk: confidence is required");
        if (!(valueAtRisk >= 0) || !(expectedShortfall >= 0) || Double.isInfinite(valueAtRisk) || Double.isInfinite(expectedShortfall)) {
            throw new IllegalArgumentException("tail risk: VaR and ES must be finite and not negative, were " + valueAtRisk + " and " + expectedShortfall);
        }
    }

    public Money valueAtRiskMoney() { return Money.of(BigDecimal.valueOf(valueAtRisk)); }

    public Money expectedShortfallMoney() { return Money.of(BigDecimal.valueOf(expectedShortfall)); }
}
