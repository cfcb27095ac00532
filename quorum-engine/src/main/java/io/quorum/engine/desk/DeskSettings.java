package io.quorum.engine.desk;

import io.quorum.engine.consensus.VotingRules;
import io.quorum.engine.portfolio.RiskSettings;
import io.quorum.engine.session.AutoTradingConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How the desk works, as opposed to the limits a user sets per session.
 *
 * @param defaultConfig         the limits a new session starts with, its sizing rule among them
 * @param confirmationTimeout   how long a trade above the confirmation threshold waits for the user
 * @param sentimentHalfLife     how fast news loses its weight
 * @param timerPeriod           how often (wall time) vote deadlines and confirmations are checked
 * @param staleFeedAfter        how long (wall time) a watched ticker may go without a price during market hours before its
 *                              sessions may only reduce risk
 * @param discussionMessages    how many messages a discussion may run to before it is decided
 *                              ({@link VotingRules#maxMessages()}); its time bound is each session's decision timeout
 * @param risk                  how the portfolio's VaR, ES and stress results are measured
 */
public record DeskSettings(AutoTradingConfig defaultConfig, Duration confirmationTimeout,
        Duration sentimentHalfLife, Duration timerPeriod, Duration staleFeedAfter, int discussionMessages, RiskSettings risk) {
    public DeskSettings {
        Objects.requireNonNull(defaultConfig, "defaultConfig");
        if (confirmationTimeout.isNegative() || confirmationTimeout.isZero()) throw new IllegalArgumentException("confirmationTimeout must be positive");
        if (sentimentHalfLife.isNegative() || sentimentHalfLife.isZero()) throw new IllegalArgumentException("sentimentHalfLife must be positive");
        if (timerPeriod.isNegative() || timerPeriod.isZero()) throw new IllegalArgumentException("timerPeriod must be positive");
        if (staleFeedAfter.compareTo(timerPeriod) <= 0) throw new IllegalArgumentException("staleFeedAfter must be longer than the timer period " + timerPeriod);
        // VotingRules knows the bounds of a discussion: building them refuses one out of range.
        VotingRules.DEFAULT.withMaxMessages(discussionMessages);
        Objects.requireNonNull(risk, "risk");
    }

    public static DeskSettings defaults() {
        return new DeskSettings(AutoTradingConfig.defaults(), Duration.ofSeconds(60), Duration.ofHours(4), Duration.ofMillis(100),
                Duration.ofSeconds(60), VotingRules.DEFAULT_MAX_MESSAGES, RiskSettings.defaults());
    }

    public DeskSettings withDefaultConfig(AutoTradingConfig config) {
        return new DeskSettings(config, confirmationTimeout, sentimentHalfLife, timerPeriod, staleFeedAfter, discussionMessages, risk);
    }

    public DeskSettings withStaleFeedAfter(Duration after) {
        return new DeskSettings(defaultConfig, confirmationTimeout, sentimentHalfLife, timerPeriod, after, discussionMessages, risk);
    }

    public DeskSettings withDiscussionMessages(int messages) {
        return new DeskSettings(defaultConfig, confirmationTimeout, sentimentHalfLife, timerPeriod, staleFeedAfter, messages, risk);
    }

    public DeskSettings withRisk(RiskSettings measured) {
        return new DeskSettings(defaultConfig, confirmationTimeout, sentimentHalfLife, timerPeriod, staleFeedAfter, discussionMessages, measured);
    }

    /** The voting rules of a session with {@code config}: its quorum and timeout, and the desk's bound on a discussion's messages. */
    VotingRules votingRules(AutoTradingConfig config) { return VotingRules.of(config).withMaxMessages(discussionMessages); }
}
