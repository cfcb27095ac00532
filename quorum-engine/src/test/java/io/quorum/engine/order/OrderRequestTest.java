package io.quorum.engine.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Price;
import org.junit.jupiter.api.Test;

class OrderRequestTest {
    private static final ClientOrderId ID = ClientOrderId.of("d-1");
    private static final Ticker AAPL = Ticker.of("AAPL");

    @Test
    void an_order_is_a_day_order_without_a_bracket_unless_it_says_otherwise() {
        OrderRequest order = OrderRequest.limit(ID, AAPL, Side.BUY, 10, Price.parse("95"));

        assertThat(order.timeInForce()).isEqualTo(TimeInForce.DAY);
        assertThat(order.bracket()).isNull();
        assertThat(order.withTimeInForce(TimeInForce.GTC).timeInForce()).isEqualTo(TimeInForce.GTC);
    }

    @Test
    void a_stop_limit_order_names_both_its_stop_and_its_limit() {
        OrderRequest order = OrderRequest.stopLimit(ID, AAPL, Side.SELL, 10, Price.parse("95.50"), Price.parse("95.25"));

        assertThat(order.stopPrice()).isEqualTo(Price.parse("95.50"));
        assertThat(order.limitPrice()).isEqualTo(Price.parse("95.25"));
        assertThatThrownBy(() -> new OrderRequest(ID, AAPL, Side.SELL, 10, OrderType.STOP_LIMIT, null, Price.parse("95.50")))
                .hasMessageContaining("limitPrice");
    }

    @Test
    void a_bracket_keeps_a_buys_target_above_its_stop_and_a_sells_below() {
        Bracket longExits = new Bracket(Price.parse("110"), Price.parse("95"));

        assertThat(OrderRequest.market(ID, AAPL, Side.BUY, 10).withBracket(longExits).bracket()).isEqualTo(longExits);
        assertThatThrownBy(() -> OrderRequest.market(ID, AAPL, Side.SELL, 10).withBracket(longExits))
                .hasMessageContaining("a SELL's take-profit must lie below its stop-loss");
    }
}
