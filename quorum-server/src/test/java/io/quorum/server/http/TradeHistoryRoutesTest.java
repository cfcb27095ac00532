package io.quorum.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.Side;
import io.quorum.server.api.Actor;
import io.quorum.server.api.TradeFill;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TradeHistoryRoutesTest {
    private static final Instant OPEN = Instant.parse("2025-03-03T14:30:00Z");

    private final TestServer server = new TestServer();
    private final SessionId aapl = SessionId.of(server.desk.createSession(Ticker.of("AAPL"), new Actor("user", "test")).id());
    private final SessionId msft = SessionId.of(server.desk.createSession(Ticker.of("MSFT"), new Actor("user", "test")).id());

    @AfterEach void stop() {
        server.close();
    }

    @Test void a_session_lists_its_closed_trades_with_fill_prices_pnl_and_exit_reason() {
        roundTrip(aapl, "AAPL", "187.00", "185.00", "the stop-loss was hit");
        roundTrip(msft, "MSFT", "400.00", "404.00", "closed by user");

        JsonNode trades = server.parse(server.get("/api/sessions/" + aapl.value() + "/trades"));

        assertThat(trades).hasSize(1);
        JsonNode trade = trades.get(0);
        assertThat(trade.path("ticker").asText()).isEqualTo("AAPL");
        assertThat(trade.path("direction").asText()).isEqualTo("LONG");
        assertThat(trade.path("entryPrice").asText()).isEqualTo("187.00");
        assertThat(trade.path("exitPrice").asText()).isEqualTo("185.00");
        assertThat(trade.path("pnl").asText()).isEqualTo("-20.00");
        assertThat(trade.path("exitReason").asText()).isEqualTo("STOP_LOSS");
        assertThat(trade.path("closedAt").asText()).isEqualTo("2025-03-03T14:31:00Z");
    }

    @Test void the_account_lists_every_sessions_trades_in_the_order_they_closed() {
        roundTrip(msft, "MSFT", "400.00", "404.00", "closed by user");
        roundTrip(aapl, "AAPL", "187.00", "185.00", "the stop-loss was hit");

        JsonNode trades = server.parse(server.get("/api/trades"));

        assertThat(trades.findValuesAsText("ticker")).containsExactly("MSFT", "AAPL");
        assertThat(trades.findValuesAsText("exitReason")).containsExactly("USER", "STOP_LOSS");
    }

    @Test void the_performance_of_a_session_and_of_the_account_follows_their_trades() {
        roundTrip(aapl, "AAPL", "187.00", "185.00", "the stop-loss was hit");
        roundTrip(msft, "MSFT", "400.00", "404.00", "closed by user");

        JsonNode session = server.parse(server.get("/api/sessions/" + aapl.value() + "/performance"));
        JsonNode account = server.parse(server.get("/api/performance"));

        assertThat(session.path("stats").path("totalPnl").asText()).isEqualTo("-20.00");
        assertThat(session.path("equity").findValuesAsText("equity")).containsExactly("100000.00", "99980.00");
        assertThat(account.path("stats").path("totalPnl").asText()).isEqualTo("20.00");
        assertThat(account.path("stats").path("winRate").asText()).isEqualTo("0.5000");
        assertThat(account.path("daily").get(0).path("date").asText()).isEqualTo("2025-03-03");
    }

    @Test void an_unknown_session_has_no_trades_to_list() {
        assertThat(server.get("/api/sessions/nope/trades").statusCode()).isEqualTo(404);
    }

    @Test void the_openapi_document_lists_the_trade_history() {
        JsonNode paths = server.parse(server.get("/openapi.json")).path("paths");
        assertThat(paths.has("/api/sessions/{id}/trades")).isTrue();
        assertThat(paths.has("/api/trades")).isTrue();
        assertThat(paths.has("/api/sessions/{id}/performance")).isTrue();
        assertThat(paths.has("/api/performance")).isTrue();
    }

    private int minute;

    private void roundTrip(SessionId session, String ticker, String entry, String exit, String exitReason) {
        server.desk.filled(new TradeFill(session, OPEN.plusSeconds(60L * minute++), "q-" + minute, Ticker.of(ticker), Side.BUY, 10, new BigDecimal(entry), "approved by the desk", OrderCause.DECISION));
        server.desk.filled(new TradeFill(session, OPEN.plusSeconds(60L * minute++), "x-" + minute, Ticker.of(ticker), Side.SELL, 10, new BigDecimal(exit), exitReason, OrderCause.ofRecordedReason(exitReason)));
    }
}
