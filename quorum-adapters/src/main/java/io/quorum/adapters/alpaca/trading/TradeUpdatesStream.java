package io.quorum.adapters.alpaca.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.adapters.alpaca.AlpacaKeys;
import io.quorum.adapters.alpaca.ReconnectingSocket;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@code trade_updates} stream ({@code wss://…/stream}), kept open: on connecting it sends the
 * keys ({@code {"action":"auth","key":…,"secret":…}}), and once the server answers
 * {@code {"stream":"authorization","data":{"status":"authorized"}}} it asks for the updates
 * ({@code {"action":"listen","data":{"streams":["trade_updates"]}}}). It is up from the server's
 * {@code listening} answer until the connection is lost; then it connects again after a jittered
 * backoff, and the orders are polled meanwhile. The paper server sends binary frames, the live one
 * text: both are read.
 */
final class TradeUpdatesStream implements AutoCloseable, ReconnectingSocket.Protocol {
    private static final String LISTEN = "{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}";

    private final AlpacaKeys keys;
    private final Consumer<TradingJson.TradeUpdate> updates;
    private final Runnable onListening;
    private final ReconnectingSocket socket;
    /** The connection the server streams the updates on; null until it says it listens. */
    private volatile ReconnectingSocket.Link listening;

    /**
     * @param updates     hears every trade update, on the stream's thread
     * @param onListening told each time the stream is up again, to catch up on what it may have missed
     */
    TradeUpdatesStream(AlpacaTradingSettings settings, AlpacaKeys keys, Consumer<TradingJson.TradeUpdate> updates, Runnable onListening) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.updates = Objects.requireNonNull(updates, "updates");
        this.onListening = Objects.requireNonNull(onListening, "onListening");
        this.socket = new ReconnectingSocket("trade-updates", settings.stream(), settings.timeout(), settings.initialBackoff(), settings.maxBackoff(), this);
    }

    void start() { socket.start(); }

    /** True while the server streams the updates; false while connecting or connecting again. */
    boolean isListening() {
        ReconnectingSocket.Link link = listening;
        return link != null && link.isCurrent();
    }

    long connections() { return socket.connections(); }

    long drops() { return socket.drops(); }

    String lastProblem() { return socket.lastProblem(); }

    @Override public void close() { socket.close(); }

    @Override public void opened(ReconnectingSocket.Link link) { link.send(keys.streamAuthentication()); }

    @Override public void received(ReconnectingSocket.Link link, String frame) {
        JsonNode message = TradingJson.tree(frame);
        JsonNode data = message.path("data");
        switch (message.path("stream").asText("")) {
            case "authorization" -> {
                if (data.path("status").asText("").equals("authorized")) link.send(LISTEN);
                else link.end("was refused the keys from " + keys.origin() + " (" + data.path("status").asText("") + ")");
            }
            case "listening" -> {
                for (JsonNode stream : data.path("streams")) {
                    if (stream.asText().equals("trade_updates") && link.up()) {
                        listening = link;
                        onListening.run();
                    }
                }
            }
            case "trade_updates" -> TradingJson.tradeUpdate(data).ifPresentOrElse(updates,
                    () -> socket.noteProblem("skipped an unreadable trade update"));
            default -> socket.noteProblem("skipped a message of no known stream");
        }
    }
}
