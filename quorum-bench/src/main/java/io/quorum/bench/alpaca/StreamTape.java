package io.quorum.bench.alpaca;

import io.quorum.engine.market.Ticker;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stretch of Alpaca's market data stream as it comes off the wire: frames of one to eight
 * trades and quotes ({@code [{"T":"t","S":"AAPL","i":…,"x":"V","p":216.55,"s":100,"c":["@"],
 * "t":"2024-09-20T14:00:01.208613376Z","z":"C"},{"T":"q",…}]}), over 20 tickers whose prices walk,
 * one quote in three messages. Made once, from a fixed seed, so that every subject reads the same bytes.
 */
final class StreamTape {
    static final int TICKERS = 20;
    private static final int MAX_PER_FRAME = 8;

    private final List<String> frames;
    private final int[] messagesInFrame;
    private final int messages;
    private final List<Ticker> tickers;

    private StreamTape(List<String> frames, int[] messagesInFrame, int messages, List<Ticker> tickers) {
        this.frames = frames;
        this.messagesInFrame = messagesInFrame;
        this.messages = messages;
        this.tickers = tickers;
    }

    static StreamTape record(int frameCount) {
        SplittableRandom random = new SplittableRandom(10);
        List<Ticker> tickers = new ArrayList<>();
        long[] cents = new long[TICKERS];
        for (int t = 0; t < TICKERS; t++) {
            tickers.add(Ticker.of("SYM" + (char) ('A' + t)));
            cents[t] = 5_000 + random.nextInt(40_000);
        }
        List<String> frames = new ArrayList<>(frameCount);
        int[] counts = new int[frameCount];
        int messages = 0;
        long nanos = Instant.parse("2024-09-20T13:30:00Z").getEpochSecond() * 1_000_000_000L;
        StringBuilder frame = new StringBuilder(1_024);
        for (int f = 0; f < frameCount; f++) {
            frame.setLength(0);
            frame.append('[');
            int count = 1 + random.nextInt(MAX_PER_FRAME);
            for (int m = 0; m < count; m++) {
                if (m > 0) frame.append(',');
                int t = random.nextInt(TICKERS);
                cents[t] = Math.max(100, cents[t] + random.nextInt(-3, 4));
                nanos += random.nextInt(1, 200_000);
                String symbol = tickers.get(t).symbol();
                String time = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L).toString();
                if (random.nextInt(3) == 0) {
                    frame.append("{\"T\":\"q\",\"S\":\"").append(symbol).append("\",\"bx\":\"V\",\"bp\":").append(dollars(cents[t] - 1))
                            .append(",\"bs\":").append(1 + random.nextInt(9)).append(",\"ax\":\"V\",\"ap\":").append(dollars(cents[t] + 1))
                            .append(",\"as\":").append(1 + random.nextInt(9)).append(",\"c\":[\"R\"],\"z\":\"C\",\"t\":\"").append(time).append("\"}");
                } else {
                    frame.append("{\"T\":\"t\",\"S\":\"").append(symbol).append("\",\"i\":").append(52_983_525_000_000L + f * 8L + m)
                            .append(",\"x\":\"V\",\"p\":").append(dollars(cents[t])).append(",\"s\":").append(1 + random.nextInt(500))
                            .append(",\"c\":[\"@\"],\"t\":\"").append(time).append("\",\"z\":\"C\"}");
                }
            }
            frame.append(']');
            frames.add(frame.toString());
            counts[f] = count;
            messages += count;
        }
        return new StreamTape(List.copyOf(frames), counts, messages, List.copyOf(tickers));
    }

    List<String> frames() { return frames; }

    String frame(int index) { return frames.get(index % frames.size()); }

    int messagesIn(int index) { return messagesInFrame[index % frames.size()]; }

    /** Messages in one pass over every frame. */
    int messages() { return messages; }

    List<Ticker> tickers() { return tickers; }

    private static String dollars(long cents) { return BigDecimal.valueOf(cents, 2).toPlainString(); }
}
