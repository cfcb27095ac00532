package io.quorum.engine.consensus;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.session.AutoTradingConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How many approvals pass a proposal, and how long a discussion may last before it is decided:
 * at most {@code timeout} and at most {@code maxMessages} messages heard, whichever comes first
 * (see {@link ConsensusOrchestrator}). A round keeps the rules it opened with.
 */
public record VotingRules(int quorum, Duration timeout, int maxMessages) {
    /**
     * Enough for a proposal, a counter-proposal and every vote on both (10), with room for as many
     * again said to all meanwhile (answers, a model's fallback notes); a discussion past it is
     * going round in circles.
     */
    public static final int DEFAULT_MAX_MESSAGES = 20;
    /** A proposal and its four votes: a bound below this could decide before every voter had a turn. */
    public static final int FEWEST_MESSAGES = AgentRole.VOTERS.size();
    public static final int MOST_MESSAGES = 1_000;
    public static final VotingRules DEFAULT = new VotingRules(3, Duration.ofSeconds(30));

    public VotingRules {
        int voters = AgentRole.VOTERS.size();
        if (quorum < 1 || quorum > voters) throw new IllegalArgumentException("quorum: must be in [1, " + voters + "], was " + quorum);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
        if (maxMessages < FEWEST_MESSAGES || maxMessages > MOST_MESSAGES) {
            throw new IllegalArgumentException("maxMessages: must be in [" + FEWEST_MESSAGES + ", " + MOST_MESSAGES + "], was " + maxMessages);
        }
    }

    /** The rules with the default bound on a discussion's messages. */
    public VotingRules(int quorum, Duration timeout) { this(quorum, timeout, DEFAULT_MAX_MESSAGES); }

    public static VotingRules of(AutoTradingConfig config) { return new VotingRules(config.quorum(), config.decisionTimeout()); }

    public VotingRules withMaxMessages(int messages) { return new VotingRules(quorum, timeout, messages); }
}
