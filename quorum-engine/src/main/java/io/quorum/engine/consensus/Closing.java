package io.quorum.engine.consensus;

/** Why a round of voting ends when it does. */
enum Closing {
    /** Every voter answered on every motion of the round, or a Risk veto settled it. */
    ALL_HEARD,
    /** The timeout came first: missing votes count as ABSTAIN. */
    DEADLINE,
    /** The discussion reached its bound of messages first: decided as at the deadline. */
    MESSAGE_BOUND;

    boolean votingOver() { return this != ALL_HEARD; }
}
