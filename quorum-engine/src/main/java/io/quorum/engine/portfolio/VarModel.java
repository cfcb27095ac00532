package io.quorum.engine.portfolio;

/**
 * A way to estimate one-day tail risk. {@code exposures} are signed market values in dollars, one
 * per ticker in the order of the history or correlation matrix the model was built on (a short is negative).
 */
public sealed interface VarModel permits HistoricalVar, ParametricVar {
    TailRisk tailRisk(double[] exposures, Confidence confidence);
}
