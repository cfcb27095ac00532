package io.quorum.engine.simulation;

/** The character of a simulated ticker's price for a while: trending or going sideways. */
public enum Regime {
    TREND_UP(0.60, 1.0),
    TREND_DOWN(-0.50, 1.15),
    /** Mean-reverting towards the price at which the range began, with a half-life of about a day. */
    RANGE(0.0, 0.8);

    final double annualDrift;
    final double volatilityMultiple;

    Regime(double annualDrift, double volatilityMultiple) {
        this.annualDrift = annualDrift;
        this.volatilityMultiple = volatilityMultiple;
    }
}
