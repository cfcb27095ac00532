package io.quorum.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.money.Money;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizingRuleTest {

    @Test
    void a_session_sizes_by_one_percent_fixed_fractional_unless_told_otherwise() {
        assertThat(AutoTradingConfig.defaults().sizing()).isEqualTo(new SizingRule.FixedFractional(BigDecimal.ONE));
    }

    @ParameterizedTest(name = "{0} is journaled and read back as it was")
    @CsvSource(nullValues = "null", textBlock = """
            FIXED_FRACTIONAL,  0.25, null, null, null
            ATR_MULTIPLE,      0.5,  2.5,  null, null
            VOLATILITY_TARGET, null, null, 0.75, null
            FIXED_AMOUNT,      null, null, null, 12500.50
            """)
    void every_rule_is_journaled_with_the_config_and_read_back_as_it_was(SizingRule.Kind kind, BigDecimal riskPct, BigDecimal multiple, BigDecimal vol, String amount) {
        SizingRule rule = SizingRule.of(kind, riskPct, multiple, vol, amount == null ? null : Money.parse(amount));
        AutoTradingConfig config = AutoTradingConfig.defaults().withSizing(rule);

        Map<String, String> journaled = ConfigFields.of(config);

        assertThat(journaled).containsEntry("sizing.rule", kind.name());
        assertThat(ConfigFields.toConfig(journaled)).isEqualTo(config);
    }

    @Test
    void a_config_journaled_before_sessions_chose_their_sizing_reads_back_with_the_default_rule() {
        Map<String, String> older = new LinkedHashMap<>(ConfigFields.of(AutoTradingConfig.defaults().withSizing(new SizingRule.VolatilityTarget(BigDecimal.ONE))));
        older.keySet().removeIf(field -> field.startsWith("sizing."));

        assertThat(ConfigFields.toConfig(older).sizing()).isEqualTo(SizingRule.defaultRule());
    }

    @ParameterizedTest(name = "{0} with {5} refused")
    @CsvSource(nullValues = "null", textBlock = """
            FIXED_FRACTIONAL,  null,      null,  null, null,          sizing.riskPct
            FIXED_FRACTIONAL,  0,         null,  null, null,          sizing.riskPct
            FIXED_FRACTIONAL,  10.5,      null,  null, null,          sizing.riskPct
            FIXED_FRACTIONAL,  1E-99999999, null, null, null,         sizing.riskPct
            ATR_MULTIPLE,      1,         null,  null, null,          sizing.atrMultiple
            ATR_MULTIPLE,      1,         0,     null, null,          sizing.atrMultiple
            ATR_MULTIPLE,      1,         11,    null, null,          sizing.atrMultiple
            ATR_MULTIPLE,      1,         2.00001, null, null,        sizing.atrMultiple
            VOLATILITY_TARGET, null,      null,  0,    null,          sizing.targetDailyVolPct
            VOLATILITY_TARGET, null,      null,  1E+99999999, null,   sizing.targetDailyVolPct
            FIXED_AMOUNT,      null,      null,  null, null,          sizing.amount
            FIXED_AMOUNT,      null,      null,  null, 0,             sizing.amount
            FIXED_AMOUNT,      null,      null,  null, 1000000000.01, sizing.amount
            """)
    void an_input_missing_or_out_of_bounds_is_refused_under_its_api_name(SizingRule.Kind kind, BigDecimal riskPct, BigDecimal multiple, BigDecimal vol,
                                                                         BigDecimal amount, String field) {
        assertThatThrownBy(() -> SizingRule.of(kind, riskPct, multiple, vol, amount == null ? null : Money.of(amount)))
                .isInstanceOfSatisfying(ConfigViolation.class, violation -> assertThat(violation.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(field);
                    assertThat(problem.message()).isNotBlank().hasSizeLessThan(120);
                }));
    }

    @Test
    void an_atr_rule_refuses_both_inputs_at_once() {
        assertThatThrownBy(() -> new SizingRule.AtrMultiple(BigDecimal.ZERO, BigDecimal.ZERO))
                .isInstanceOfSatisfying(ConfigViolation.class, violation -> assertThat(violation.problems()).extracting(FieldError::field)
                        .containsExactly("sizing.riskPct", "sizing.atrMultiple"));
    }
}
