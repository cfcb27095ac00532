package io.quorum.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoTradingConfigTest {

    /** The defaults with one field changed, as a form would send them. */
    private record Form(BigDecimal maxPositionPct, BigDecimal maxDailyLossPct, int maxTradesPerDay, LocalTime start, LocalTime end, ZoneId zone,
                        Money confirmAbove, Duration timeout, int quorum, BigDecimal trailingStopPct) {
        static Form defaults() {
            AutoTradingConfig d = AutoTradingConfig.defaults();
            return new Form(d.maxPositionPct(), d.maxDailyLossPct(), d.maxTradesPerDay(), d.tradingHoursStart(), d.tradingHoursEnd(), d.timeZone(),
                    d.requireConfirmationAbove(), d.decisionTimeout(), d.quorum(), d.trailingStopPct());
        }

        Form with(String field, String value) {
            return new Form(
                    field.equals("maxPositionPct") ? pct(value) : maxPositionPct,
                    field.equals("maxDailyLossPct") ? pct(value) : maxDailyLossPct,
                    field.equals("maxTradesPerDay") ? Integer.parseInt(value) : maxTradesPerDay,
                    field.equals("tradingHoursStart") ? time(value) : start,
                    field.equals("tradingHoursEnd") ? time(value) : end,
                    field.equals("timeZone") ? (value == null ? null : ZoneId.of(value)) : zone,
                    field.equals("requireConfirmationAbove") ? (value == null ? null : Money.parse(value)) : confirmAbove,
                    field.equals("decisionTimeoutSeconds") ? (value == null ? null : Duration.ofSeconds(Long.parseLong(value))) : timeout,
                    field.equals("quorum") ? Integer.parseInt(value) : quorum,
                    field.equals("trailingStopPct") ? pct(value) : trailingStopPct);
        }

        AutoTradingConfig build() {
            return new AutoTradingConfig(maxPositionPct, maxDailyLossPct, maxTradesPerDay, start, end, zone, confirmAbove, timeout, quorum, trailingStopPct, true);
        }

        private static BigDecimal pct(String value) { return value == null ? null : new BigDecimal(value); }

        private static LocalTime time(String value) { return value == null ? null : LocalTime.parse(value); }
    }

    @Test
    void the_defaults_are_the_specifications() {
        AutoTradingConfig config = AutoTradingConfig.defaults();

        assertThat(config.maxPositionPct()).isEqualByComparingTo("25");
        assertThat(config.maxDailyLossPct()).isEqualByComparingTo("5");
        assertThat(config.maxTradesPerDay()).isEqualTo(10);
        assertThat(config.tradingHoursStart()).isEqualTo(LocalTime.of(9, 30));
        assertThat(config.tradingHoursEnd()).isEqualTo(LocalTime.of(16, 0));
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(config.requireConfirmationAbove()).isEqualTo(Money.ofDollars(10_000));
        assertThat(config.decisionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.quorum()).isEqualTo(3);
        assertThat(config.trailingStopPct()).isNull();
        assertThat(config.flattenOnMaxLoss()).isTrue();
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource(nullValues = "null", textBlock = """
            maxPositionPct,           0
            maxPositionPct,           -5
            maxPositionPct,           100.01
            maxPositionPct,           null
            maxDailyLossPct,          0
            maxDailyLossPct,          101
            maxDailyLossPct,          null
            maxTradesPerDay,          -1
            tradingHoursStart,        null
            tradingHoursEnd,          null
            tradingHoursEnd,          09:30
            tradingHoursEnd,          09:00
            timeZone,                 null
            requireConfirmationAbove, -0.01
            requireConfirmationAbove, null
            decisionTimeoutSeconds,   0
            decisionTimeoutSeconds,   601
            decisionTimeoutSeconds,   null
            quorum,                   0
            quorum,                   6
            trailingStopPct,          0
            trailingStopPct,          50.5
            maxPositionPct,           1E-99999999
            maxPositionPct,           25.000000001
            maxDailyLossPct,          1E+99999999
            trailingStopPct,          5E-99999999
            """)
    void an_out_of_range_field_is_reported_under_its_own_name(String field, String value) {
        Form form = Form.defaults().with(field, value);

        assertThatThrownBy(form::build).isInstanceOfSatisfying(ConfigViolation.class,
                violation -> assertThat(violation.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(field);
                    assertThat(problem.message()).isNotBlank().hasSizeLessThan(200);
                }));
    }

    @ParameterizedTest(name = "{0} = {1} is accepted")
    @CsvSource(nullValues = "null", textBlock = """
            maxPositionPct,           100
            maxPositionPct,           0.5
            maxDailyLossPct,          100
            maxTradesPerDay,          0
            tradingHoursStart,        00:00
            tradingHoursEnd,          23:59
            timeZone,                 Europe/London
            requireConfirmationAbove, 0
            decisionTimeoutSeconds,   1
            decisionTimeoutSeconds,   600
            quorum,                   1
            quorum,                   5
            trailingStopPct,          null
            trailingStopPct,          50
            trailingStopPct,          2.5
            maxPositionPct,           25.00000001
            maxPositionPct,           2.5000000000000000E+1
            """)
    void a_value_at_the_edge_of_its_range_is_accepted(String field, String value) {
        AutoTradingConfig config = Form.defaults().with(field, value).build();

        assertThat(config).isNotNull();
    }

    @Test
    void every_problem_is_reported_at_once() {
        Form form = Form.defaults().with("maxPositionPct", "0").with("quorum", "9").with("tradingHoursEnd", "08:00").with("decisionTimeoutSeconds", "0");

        assertThatThrownBy(form::build).isInstanceOfSatisfying(ConfigViolation.class,
                violation -> assertThat(violation.problems()).extracting(FieldError::field)
                        .containsExactly("maxPositionPct", "tradingHoursEnd", "decisionTimeoutSeconds", "quorum"));
    }

    @Test
    void problems_can_be_listed_without_an_exception() {
        assertThat(AutoTradingConfig.problemsWith(BigDecimal.valueOf(25), BigDecimal.valueOf(5), -3, LocalTime.of(9, 30), LocalTime.of(16, 0),
                ZoneId.of("America/New_York"), Money.ofDollars(10_000), Duration.ofSeconds(30), 3, null))
                .containsExactly(new FieldError("maxTradesPerDay", "must not be negative, was -3"));
    }

    @Test
    void the_violation_message_names_every_field() {
        assertThatThrownBy(() -> Form.defaults().with("maxDailyLossPct", "0").with("quorum", "0").build())
                .hasMessage("maxDailyLossPct: must be above 0 and at most 100 %, was 0; quorum: must be between 1 and 5 voters, was 0");
    }
}
