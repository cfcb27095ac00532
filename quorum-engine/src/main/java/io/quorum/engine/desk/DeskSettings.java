package io.quorum.engine.desk;

import io.quorum.engine.session.AutoTradingConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How the desk works, as opposed to the limits a user sets per session.
 *
 * @param defaultConfig         the limits a new session starts with
 * @param riskPerTradePct       per cent of equity a trade may lose between entry and stop (dynamic sizing)
 * @param confirmationTimeout   how long a trade above the confirmation threshold waits for the user
 * @param sentimentHalfLife     how fast news loses its weight
 * @param timerPeriod           how often (wall time) vote deadlines and confirmations are checked
 */
public record DeskSettings(AutoTradingConfig defaultConfig, BigDecimal riskPerTradePct, Duration confirmationTimeout,
        Duration sentimentHalfLife, Duration timerPeriod) {
    public DeskSettings {
        Objects.requireNonNull(defaultConfig, "defaultConfig");
        if (riskPerTradePct.signum() <= 0 || riskPerTradePct.compareTo(BigDecimal.TEN) > 0) throw new IllegalArgumentException("riskPerTradePct must be in (0, 10]: " + riskPerTradePct);
        if (confirmationTimeout.isNegative() || confirmationTimeout.isZero()) throw new IllegalArgumentException("confirmationTimeout must be positive");
        if (sentimentHalfLife.isNegative() || sentimentHalfLife.isZero()) throw new IllegalArgumentException("sentimentHalfLife must be positive");
        if (timerPeriod.isNegative() || timerPeriod.isZero()) throw new IllegalArgumentException("timerPeriod must be positive");
    }

    public static DeskSettings defaults() {
        return new DeskSettings(AutoTradingConfig.defaults(), BigDecimal.ONE, Duration.ofSeconds(60), Duration.ofHours(4), Duration.ofMillis(100));
    }

    public DeskSettings withDefaultConfig(AutoTradingConfig config) {
        return new DeskSettings(config, riskPerTradePct, confirmationTimeout, sentimentHalfLife, timerPeriod);
    }
}
