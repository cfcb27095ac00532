package io.quorum.adapters.alpaca;

import io.quorum.engine.market.Bar;
import java.time.Instant;
import java.util.StringJoiner;

/** Stream messages in the provider's format, for the tests' server to send. */
final class StreamFrames {
    private StreamFrames() {}

    static String of(String... messages) {
        StringJoiner frame = new StringJoiner(",", "[", "]");
        for (String message : messages) frame.add(message);
        return frame.toString();
    }

    static String trade(String symbol, Instant at, long priceMicros, long size) {
        return "{\"T\":\"t\",\"S\":\"" + symbol + "\",\"i\":" + at.toEpochMilli() % 100_000 + ",\"x\":\"V\",\"p\":" + AlpacaServer.dollars(priceMicros).toPlainString()
                + ",\"s\":" + size + ",\"c\":[\"@\"],\"t\":\"" + at + "\",\"z\":\"C\"}";
    }

    static String quote(String symbol, Instant at, long bidMicros, long askMicros) {
        return "{\"T\":\"q\",\"S\":\"" + symbol + "\",\"bx\":\"V\",\"bp\":" + AlpacaServer.dollars(bidMicros).toPlainString() + ",\"bs\":2,\"ax\":\"V\",\"ap\":"
                + AlpacaServer.dollars(askMicros).toPlainString() + ",\"as\":3,\"c\":[\"R\"],\"z\":\"C\",\"t\":\"" + at + "\"}";
    }

    static String bar(Bar bar) {
        return AlpacaServer.barJson(bar).put("T", "b").put("S", bar.ticker().symbol()).toString();
    }
}
