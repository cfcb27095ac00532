package io.quorum.engine.session;

/**
 * Where a trading session is in its life. Only {@link #AUTO_TRADING} can trade, and only while
 * its auto-trading switch is on; {@link #STOPPED} is final.
 */
public enum SessionState {
    IDLE,
    ANALYZING,
    PROPOSAL,
    RE_ANALYZING,
    AUTO_TRADING,
    STOPPED
}
