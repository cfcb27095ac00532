package io.quorum.adapters.alpaca.trading;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Waits for what the Alpaca broker's tests need of its stream. */
final class TradingStreams {
    private TradingStreams() {}

    static void awaitListening(AlpacaBroker broker) {
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.stats().streamListening());
    }
}
