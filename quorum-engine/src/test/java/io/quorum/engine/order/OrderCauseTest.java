package io.quorum.engine.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.position.ExitReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OrderCauseTest {

    @ParameterizedTest @EnumSource(ExitReason.class)
    void a_protective_exit_recorded_in_words_is_known_by_the_sentence_the_desk_announced(ExitReason reason) {
        assertThat(OrderCause.ofRecordedReason(reason.sentence())).isEqualTo(reason.cause());
        assertThat(reason.cause().name()).isEqualTo(reason.name());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            closed by user                          | USER_CLOSE
            flattened by user                       | FLATTEN
            daily loss limit hit                    | LOSS_LIMIT
            approved by the desk                    | DECISION
            approved by user                        | DECISION
            approved by the desk, confirmed by user | DECISION
            """)
    void every_other_order_recorded_in_words_was_the_users_the_loss_limits_or_a_decisions(String reason, OrderCause cause) {
        assertThat(OrderCause.ofRecordedReason(reason)).isEqualTo(cause);
    }
}
