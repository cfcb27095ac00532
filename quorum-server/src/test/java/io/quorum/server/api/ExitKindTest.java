package io.quorum.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.order.OrderCause;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitKindTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            DECISION,      DECISION
            STOP_LOSS,     STOP_LOSS
            TAKE_PROFIT,   TAKE_PROFIT
            TRAILING_STOP, TRAILING_STOP
            USER_CLOSE,    USER
            FLATTEN,       FLATTEN
            LOSS_LIMIT,    LOSS_LIMIT
            """)
    void each_order_cause_is_an_exit_kind_of_the_trade_history_with_a_close_and_a_flatten_told_apart(OrderCause cause, ExitKind kind) {
        assertThat(ExitKind.of(cause)).isEqualTo(kind);
    }
}
