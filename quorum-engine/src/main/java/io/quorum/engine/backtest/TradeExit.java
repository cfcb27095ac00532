package io.quorum.engine.backtest;

import io.quorum.engine.position.ExitReason;

/** Why a backtest's trade ended: the strategy's signal, one of the live desk's protective exits, or the end of the data. */
public enum TradeExit {
    SIGNAL("the strategy signalled the exit"),
    STOP_LOSS(ExitReason.STOP_LOSS.sentence()),
    TAKE_PROFIT(ExitReason.TAKE_PROFIT.sentence()),
    TRAILING_STOP(ExitReason.TRAILING_STOP.sentence()),
    END_OF_DATA("the data ended; closed at the last close");

    private final String sentence;

    TradeExit(String sentence) { this.sentence = sentence; }

    public String sentence() { return sentence; }

    public static TradeExit of(ExitReason reason) {
        return switch (reason) {
            case STOP_LOSS -> STOP_LOSS;
            case TAKE_PROFIT -> TAKE_PROFIT;
            case TRAILING_STOP -> TRAILING_STOP;
        };
    }
}
