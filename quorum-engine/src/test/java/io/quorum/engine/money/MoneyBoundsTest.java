package io.quorum.engine.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Short texts for enormous numbers are settled from their magnitude, never by spelling out their digits. */
class MoneyBoundsTest {

    @Timeout(5)
    @ParameterizedTest
    @ValueSource(strings = {"1E+999999999", "1E+30", "99999999999999999999", "-1E+999999999", "9223372036854.775808"})
    void an_amount_beyond_a_long_of_micro_dollars_is_refused_at_once(String text) {
        assertThatThrownBy(() -> Money.parse(text)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Price.parse(text)).isInstanceOf(ArithmeticException.class);
    }

    @Timeout(5)
    @ParameterizedTest
    @ValueSource(strings = {"1E-99999999", "1E-999999999", "0.00000001", "-4E-8"})
    void an_amount_below_half_a_micro_dollar_rounds_to_zero_at_once(String text) {
        assertThat(Money.parse(text)).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> Price.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test void amounts_at_the_edges_still_round_half_even_to_the_micro_dollar() {
        assertThat(Money.parse("0.0000005").micros()).isZero();
        assertThat(Money.parse("0.0000015").micros()).isEqualTo(2);
        assertThat(Money.parse("0.00000051").micros()).isEqualTo(1);
        assertThat(Money.parse("9223372036854.775807").micros()).isEqualTo(Long.MAX_VALUE);
        assertThat(Money.of(new BigDecimal("-9223372036854.775808")).micros()).isEqualTo(Long.MIN_VALUE);
        assertThat(Price.parse("178.50").micros()).isEqualTo(178_500_000);
    }
}
