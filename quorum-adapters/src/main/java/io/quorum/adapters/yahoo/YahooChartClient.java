package io.quorum.adapters.yahoo;

import io.quorum.adapters.http.RetryAfter;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to the chart endpoint, decoded: {@code GET {base}/v8/finance/chart/{symbol}?interval=…&range=…}.
 * A 404 carries the provider's own answer for an unknown symbol; 429 and 5xx are worth retrying
 * (after the {@code Retry-After} the provider asks for, if any); 401 and 403 are not.
 */
final class YahooChartClient {
    private final HttpClient http;
    private final YahooSettings settings;
    private final ExchangeCalendar calendar;

    YahooChartClient(HttpClient http, YahooSettings settings, ExchangeCalendar calendar) {
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    ChartAnswer fetch(Ticker ticker, Duration interval, String range) {
        HttpRequest request = HttpRequest.newBuilder(uri(ticker, interval, range))
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", "Mozilla/5.0 (compatible; Quorum trading desk)")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException unreachable) {
            return new ChartAnswer.Unavailable("no answer from " + settings.baseUrl() + ": " + describe(unreachable), true, Duration.ZERO);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new ChartAnswer.Unavailable("interrupted", false, Duration.ZERO);
        }
        int status = response.statusCode();
        if (status == 200 || status == 404) {
            ChartAnswer answer = ChartJson.decode(response.body(), ticker, interval, calendar);
            if (status == 404 && !(answer instanceof ChartAnswer.UnknownSymbol)) {
                return new ChartAnswer.UnknownSymbol(ticker.symbol(), "HTTP 404 for " + ticker);
            }
            return answer;
        }
        if (status == 429 || status >= 500) {
            return new ChartAnswer.Unavailable("HTTP " + status + (status == 429 ? " (too many requests)" : " (server error)"), true, RetryAfter.of(response));
        }
        return new ChartAnswer.Unavailable("HTTP " + status + " from " + settings.baseUrl(), false, Duration.ZERO);
    }

    /** The body of a symbol search ({@code GET {base}/v1/finance/search?q=…}), or empty when it failed. */
    Optional<String> search(String query, int max) {
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/v1/finance/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&quotesCount=" + max + "&newsCount=0");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", "Mozilla/5.0 (compatible; Quorum trading desk)")
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException unreachable) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private URI uri(Ticker ticker, Duration interval, String range) {
        String symbol = URLEncoder.encode(yahooSymbol(ticker), StandardCharsets.UTF_8);
        String step = interval.equals(MarketDataFeed.DAILY) ? "1d" : interval.toMinutes() + "m";
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/v8/finance/chart/" + symbol + "?interval=" + step + "&range=" + range + "&includePrePost=false");
    }

    /** Yahoo writes a share class with a dash: BRK.B is BRK-B. */
    static String yahooSymbol(Ticker ticker) { return ticker.symbol().replace('.', '-'); }

    private static String describe(IOException fault) {
        return fault.getMessage() == null ? fault.getClass().getSimpleName() : fault.getMessage();
    }
}
