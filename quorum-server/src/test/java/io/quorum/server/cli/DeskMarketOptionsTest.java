package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.config.ConfigResult;
import io.quorum.adapters.config.QuorumConfig;
import io.quorum.adapters.config.QuorumConfigLoader;
import io.quorum.engine.desk.DeskSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeskMarketOptionsTest {

    @Test
    void the_desk_a_command_opens_holds_orders_to_the_configurations_limits_and_stale_feed_time() {
        ConfigResult result = QuorumConfigLoader.parse("""
                market: {staleAfter: 90s}
                risk: {historyDays: 120, limits: {grossPct: 150, varPct: 2.5}}
                """, "quorum.yml", Map.of());
        QuorumConfig config = ((ConfigResult.Valid) result).config();

        DeskSettings settings = DeskMarketOptions.deskSettings(config);

        assertThat(settings.staleFeedAfter()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.risk()).isEqualTo(config.risk());
        assertThat(settings.risk().historyDays()).isEqualTo(120);
        assertThat(settings.risk().limits().maxVarPct()).isEqualByComparingTo("2.5");
    }
}
