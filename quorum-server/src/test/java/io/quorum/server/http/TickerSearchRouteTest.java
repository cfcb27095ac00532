package io.quorum.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/tickers}: what the ticker box offers while the user types. */
class TickerSearchRouteTest {
    private final TestServer server = new TestServer();

    @AfterEach void stop() { server.close(); }

    @Test void a_search_by_symbol_or_name_answers_the_matching_tickers_with_their_names() {
        JsonNode bySymbol = server.parse(server.get("/api/tickers?q=nv"));
        JsonNode byName = server.parse(server.get("/api/tickers?q=oracle"));

        assertThat(bySymbol.path("tickers")).singleElement().satisfies(match -> {
            assertThat(match.path("symbol").asText()).isEqualTo("NVDA");
            assertThat(match.path("name").asText()).isEqualTo("NVIDIA Corporation");
            assertThat(match.path("exchange").asText()).isEqualTo("NMS");
        });
        assertThat(byName.path("tickers").findValuesAsText("symbol")).containsExactly("ORCL");
    }

    @Test void nothing_found_is_an_empty_list_not_an_error() {
        HttpResponse<String> response = server.get("/api/tickers?q=QQQQQ");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.parse(response).path("tickers")).isEmpty();
    }

    @Test void the_limit_bounds_the_answer() {
        assertThat(server.parse(server.get("/api/tickers?q=a&limit=1")).path("tickers")).hasSize(1);
    }

    @Test void a_missing_blank_or_overlong_query_and_a_limit_out_of_range_are_refused_by_name() {
        for (String query : new String[] {"", "?q=", "?q=%20%20", "?q=" + "A".repeat(65), "?q=AA&limit=0", "?q=AA&limit=51"}) {
            HttpResponse<String> response = server.get("/api/tickers" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(server.parse(response).path("errors").get(0).path("field").asText()).as(query).isIn("q", "limit");
        }
    }
}
