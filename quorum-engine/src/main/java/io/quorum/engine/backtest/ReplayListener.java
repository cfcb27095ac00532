package io.quorum.engine.backtest;

import io.quorum.engine.market.Bar;

/** Told after each bar of a replay has closed and its signal is read: a progress bar, a test. Runs on the replay's thread. */
@FunctionalInterface
public interface ReplayListener {
    ReplayListener NONE = (view, bar) -> { };

    void onClose(ReplayView view, Bar bar);
}
