package io.quorum.engine.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderEventTest {
    private static final ClientOrderId ID = ClientOrderId.of("o-1");
    private static final Instant NOW = Instant.parse("2025-03-03T15:00:00Z");

    private static Fill fill(long shares) {
        return new Fill("P-1-1", ID, Ticker.of("AAPL"), Side.BUY, shares, Price.parse("100"), Money.ZERO, NOW);
    }

    @ParameterizedTest(name = "a fill of {0} bringing the order to {1} with {2} left is refused")
    @CsvSource(textBlock = """
            # fill shares, filled so far, remaining
            4, 3, 6
            4, 4, 0
            4, 4, -1
            """)
    void a_partial_fill_must_count_its_own_shares_and_leave_some(long shares, long filled, long remaining) {
        assertThatThrownBy(() -> new OrderEvent.PartiallyFilled(fill(shares), filled, remaining)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_last_fill_must_be_part_of_the_filled_quantity() {
        assertThatThrownBy(() -> new OrderEvent.Filled(fill(4), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new OrderEvent.Filled(fill(4), 10).clientOrderId()).isEqualTo(ID);
    }

    @Test
    void an_order_ends_cancelled_or_expired_only_with_shares_left_unfilled() {
        assertThatThrownBy(() -> new OrderEvent.Cancelled(ID, 10, 0, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderEvent.Expired(ID, -1, 5, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderEvent.Rejected(ID, RejectReason.INVALID_ORDER, "x", -1, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderEvent.Accepted(ID, "P-1", 0, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_acceptance_and_partial_fills_leave_an_order_working() {
        assertThat(new OrderEvent.Accepted(ID, "P-1", 10, NOW).isFinal()).isFalse();
        assertThat(new OrderEvent.PartiallyFilled(fill(4), 4, 6).isFinal()).isFalse();
        assertThat(new OrderEvent.Filled(fill(4), 10).isFinal()).isTrue();
        assertThat(new OrderEvent.Rejected(ID, RejectReason.INSUFFICIENT_BUYING_POWER, "late", 4, NOW).isFinal()).isTrue();
        assertThat(new OrderEvent.Cancelled(ID, 4, 6, NOW).isFinal()).isTrue();
        assertThat(new OrderEvent.Expired(ID, 0, 10, NOW).isFinal()).isTrue();
    }
}
