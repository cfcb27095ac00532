package io.quorum.engine.message;

/** An agent's answer to a proposal. Only the Risk agent may VETO. */
public enum VoteChoice { APPROVE, REJECT, ABSTAIN, VETO }
