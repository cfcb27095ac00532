package io.quorum.adapters.alpaca.trading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Account;
import io.quorum.engine.order.Bracket;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.order.Side;
import io.quorum.engine.order.TimeInForce;
import org.junit.jupiter.api.Test;

/** The Trading API's order JSON, as Alpaca documents it, written and read. */
class TradingJsonTest {
    private static final ClientOrderId ID = ClientOrderId.of("d-17-open");
    private static final Ticker AAPL = Ticker.of("AAPL");

    /** An order as the venue answers it, with the fields the broker reads. */
    private static String venueOrder(String type, String timeInForce, String prices) {
        return """
                {"id":"61e69015-8549-4bfd-b9c3-01e75843f47d","client_order_id":"d-17-open","created_at":"2025-03-03T15:00:00.123Z",
                 "updated_at":"2025-03-03T15:00:00.123Z","submitted_at":"2025-03-03T15:00:00.120Z","filled_at":null,"asset_class":"us_equity",
                 "symbol":"AAPL","qty":"10","filled_qty":"0","filled_avg_price":null,"type":"%s","side":"buy","time_in_force":"%s",
                 %s,"status":"new","extended_hours":false}
                """.formatted(type, timeInForce, prices);
    }

    @Test
    void the_account_is_read_with_its_number_and_its_money_as_decimals() {
        String account = """
                {"id":"e6fe16f3-64a4-4921-8928-cadf02f92f98","account_number":"PA3QUORUMTEST","status":"ACTIVE","currency":"USD",
                 "cash":"25000.55","buying_power":"50001.1","equity":"25100.05","pattern_day_trader":false}
                """;

        assertThat(TradingJson.account(account)).contains(new Account("PA3QUORUMTEST", Money.parse("25000.55"), Money.parse("50001.1"), Money.parse("25100.05")));
    }

    @Test
    void a_good_till_cancelled_stop_limit_order_is_written_with_both_prices_as_strings() {
        JsonNode order = TradingJson.tree(TradingJson.order(OrderRequest.stopLimit(ID, AAPL, Side.SELL, 10, Price.parse("95.5"), Price.parse("95.25"))
                .withTimeInForce(TimeInForce.GTC)));

        assertThat(order.path("type").asText()).isEqualTo("stop_limit");
        assertThat(order.path("time_in_force").asText()).isEqualTo("gtc");
        assertThat(order.path("stop_price").asText()).isEqualTo("95.5");
        assertThat(order.path("limit_price").asText()).isEqualTo("95.25");
        assertThat(order.path("qty").asText()).isEqualTo("10");
        assertThat(order.path("client_order_id").asText()).isEqualTo("d-17-open");
        assertThat(order.has("order_class")).isFalse();
    }

    @Test
    void an_entry_with_a_bracket_is_a_bracket_order_whose_exits_the_venue_keeps() {
        JsonNode order = TradingJson.tree(TradingJson.order(OrderRequest.market(ID, AAPL, Side.BUY, 10)
                .withBracket(new Bracket(Price.parse("110"), Price.parse("95")))));

        assertThat(order.path("order_class").asText()).isEqualTo("bracket");
        assertThat(order.path("take_profit").path("limit_price").asText()).isEqualTo("110");
        assertThat(order.path("stop_loss").path("stop_price").asText()).isEqualTo("95");
        assertThat(order.path("time_in_force").asText()).isEqualTo("day");
    }

    @Test
    void a_bracket_order_of_the_venue_reads_back_with_its_exits_from_its_legs() {
        String bracket = venueOrder("limit", "gtc", """
                "limit_price":"100","stop_price":null,"order_class":"bracket",
                "legs":[{"id":"a","type":"limit","side":"sell","status":"held","limit_price":"110","stop_price":null},
                        {"id":"b","type":"stop","side":"sell","status":"held","limit_price":null,"stop_price":"95"}]""");

        OrderRequest request = TradingJson.venueOrder(bracket).orElseThrow().request();

        assertThat(request).isEqualTo(new OrderRequest(ID, AAPL, Side.BUY, 10, OrderType.LIMIT, Price.parse("100"), null, TimeInForce.GTC,
                new Bracket(Price.parse("110"), Price.parse("95"))));
    }

    @Test
    void an_order_in_force_in_a_way_the_desk_does_not_place_is_left_unread() {
        assertThat(TradingJson.venueOrder(venueOrder("market", "ioc", "\"limit_price\":null,\"stop_price\":null"))).isEmpty();
        assertThat(TradingJson.venueOrder(venueOrder("trailing_stop", "day", "\"limit_price\":null,\"stop_price\":null"))).isEmpty();
        assertThat(TradingJson.venueOrder(venueOrder("limit", "day", "\"limit_price\":\"1e400\",\"stop_price\":null"))).as("beyond the bounds of a price").isEmpty();
    }
}
