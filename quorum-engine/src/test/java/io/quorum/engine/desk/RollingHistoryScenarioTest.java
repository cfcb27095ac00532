package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NYSE;
import static io.quorum.engine.desk.DeskFixture.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The risk figures rest on the latest days, not on the history read when the desk began to watch. */
class RollingHistoryScenarioTest {

    @Test
    void on_a_new_trading_day_the_var_window_takes_in_the_day_that_ended() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).build()) {
            desk.advance(Duration.ofMinutes(5));
            desk.analysed();
            LocalDate firstDay = NYSE.tradingDate(OPEN);
            await().atMost(DeskFixture.PATIENCE).until(() -> !returnDays(desk).isEmpty());
            assertThat(returnDays(desk).getLast()).isEqualTo(NYSE.previousTradingDay(firstDay));
            int windowBefore = returnDays(desk).size();

            desk.advanceTo(NYSE.sessionClose(firstDay).plusSeconds(5));
            Instant nextMorning = NYSE.sessionOpen(NYSE.nextTradingDay(firstDay)).plus(Duration.ofMinutes(1));
            desk.clock.jumpTo(nextMorning);
            desk.market.advanceTo(nextMorning);

            await().atMost(DeskFixture.PATIENCE).untilAsserted(() -> assertThat(returnDays(desk).getLast()).isEqualTo(firstDay));
            assertThat(returnDays(desk)).as("the window moves on, it does not grow").hasSize(windowBefore);
        }
    }

    private static List<LocalDate> returnDays(DeskFixture desk) {
        return desk.desk.snapshot().riskModel().returns().days();
    }
}
