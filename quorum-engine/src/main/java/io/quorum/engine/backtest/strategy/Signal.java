package io.quorum.engine.backtest.strategy;

/** What a strategy reads in a bar's close: enter a long position, leave it, or nothing new. */
public enum Signal { ENTER_LONG, EXIT_LONG, NONE }
