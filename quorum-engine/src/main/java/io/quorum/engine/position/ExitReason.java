package io.quorum.engine.position;

/** Why a position left the market without a vote. */
public enum ExitReason {
    STOP_LOSS("the stop-loss was hit"),
    TAKE_PROFIT("the take-profit target was reached"),
    TRAILING_STOP("the trailing stop was hit");

    private final String sentence;

    ExitReason(String sentence) { this.sentence = sentence; }

    /** The reason as the desk announces it, e.g. "the stop-loss was hit". */
    public String sentence() { return sentence; }
}
