package io.quorum.engine.consensus;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.session.AutoTradingConfig;
import java.time.Duration;
import java.util.Objects;

/** How many approvals pass a proposal, and how long the voters have. A round keeps the rules it opened with. */
public record VotingRules(int quorum, Duration timeout) {
    public static final VotingRules DEFAULT = new VotingRules(3, Duration.ofSeconds(30));

    public VotingRules {
        int voters = AgentRole.VOTERS.size();
        if (quorum < 1 || quorum > voters) throw new IllegalArgumentException("quorum: must be in [1, " + voters + "], was " + quorum);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
    }

    public static VotingRules of(AutoTradingConfig config) { return new VotingRules(config.quorum(), config.decisionTimeout()); }
}
