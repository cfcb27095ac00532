package io.quorum.adapters.alpaca;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket stream of the provider, kept open: it connects, answers the server's
 * {@code connected} with the keys ({@code {"action":"auth","key":…,"secret":…}}), and once
 * {@code authenticated} subscribes the wanted symbols on its channels
 * ({@code {"action":"subscribe","trades":[…],"quotes":[…],"bars":[…]}}); later changes are sent as
 * they come. A connection that is lost (closed, failed, or dropped after an error whose
 * {@link StreamError.Reaction} says so) is made again after a jittered backoff by its
 * {@link ReconnectingSocket}, and the wanted symbols are subscribed again on it. Nothing the server
 * does stops the stream; only {@link #close}.
 *
 * <p>Frames are decoded and their data handed to the listener on the stream's own thread
 * ({@code alpaca-<name>}). The keys are sent in the auth message only, never logged.
 */
final class AlpacaStream implements AutoCloseable, ReconnectingSocket.Protocol {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UNREADABLE_LOGGED_IN_FULL = 10;

    private final String name;
    private final AlpacaKeys keys;
    private final List<String> channels;
    private final StreamListener data;
    private final ReconnectingSocket socket;
    private final StreamDecoder decoder = new StreamDecoder();
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private volatile Set<String> confirmed = Set.of();
    /** The connection the server has authenticated; null until it does. */
    private volatile ReconnectingSocket.Link authenticated;
    /** What hears the frames of the connection in use; made once per connection, on the socket's thread. */
    private Frames frames;

    private final AtomicLong authentications = new AtomicLong();
    private final AtomicLong providerErrors = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    /**
     * @param name     the stream's name in logs and in its thread's name: {@code market} or {@code news}
     * @param channels the channels each wanted symbol is subscribed on: {@code trades, quotes, bars} or {@code news}
     * @param data     hears the stream's trades, quotes, bars and stories, on the stream's thread
     */
    AlpacaStream(String name, URI url, AlpacaKeys keys, List<String> channels, StreamListener data, AlpacaSettings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.channels = List.copyOf(channels);
        this.data = Objects.requireNonNull(data, "data");
        this.socket = new ReconnectingSocket(name, url, settings.timeout(), settings.initialBackoff(), settings.maxBackoff(), this);
    }

    /** Connects, unless connected already. */
    void start() { socket.start(); }

    /** Subscribes {@code symbol} on every channel, now if the stream is authenticated, else as soon as it is. */
    void add(String symbol) {
        if (wanted.add(symbol)) socket.execute(() -> change("subscribe", List.of(symbol)));
    }

    /** Unsubscribes {@code symbol}. */
    void remove(String symbol) {
        if (wanted.remove(symbol)) socket.execute(() -> change("unsubscribe", List.of(symbol)));
    }

    StreamStats stats() {
        return new StreamStats(socket.connections(), authentications.get(), socket.drops(), providerErrors.get(), unreadable.get(), confirmed, socket.lastProblem());
    }

    @Override public void close() { socket.close(); }

    /** The server speaks first ({@code connected}): nothing is sent until it has. */
    @Override public void opened(ReconnectingSocket.Link link) {}

    @Override public void received(ReconnectingSocket.Link link, String frame) {
        if (frames == null || frames.link != link) frames = new Frames(link);
        decoder.decode(frame, frames);
    }

    private void change(String action, Collection<String> symbols) {
        ReconnectingSocket.Link link = authenticated;
        if (link != null && link.isCurrent()) link.send(subscription(action, symbols));
    }

    private String subscription(String action, Collection<String> symbols) {
        ObjectNode message = JSON.createObjectNode().put("action", action);
        for (String channel : channels) {
            ArrayNode list = message.putArray(channel);
            for (String symbol : symbols) list.add(symbol);
        }
        return message.toString();
    }

    /** Hears what one connection's frames say: the data goes on, the control messages steer the connection. */
    private final class Frames implements StreamListener {
        private final ReconnectingSocket.Link link;

        Frames(ReconnectingSocket.Link link) { this.link = link; }

        @Override public void trade(String symbol, long epochMillis, long priceMicros, long size) { data.trade(symbol, epochMillis, priceMicros, size); }

        @Override public void quote(String symbol, long epochMillis, long bidMicros, long askMicros) { data.quote(symbol, epochMillis, bidMicros, askMicros); }

        @Override public void minuteBar(String symbol, long startMillis, long openMicros, long highMicros, long lowMicros, long closeMicros, long volume) {
            data.minuteBar(symbol, startMillis, openMicros, highMicros, lowMicros, closeMicros, volume);
        }

        @Override public void story(NewsStory story) { data.story(story); }

        @Override public void success(String message) {
            if (message.equals("connected")) {
                link.send(keys.streamAuthentication());
            } else if (message.equals("authenticated") && link.up()) {
                authenticated = link;
                authentications.incrementAndGet();
                if (!wanted.isEmpty()) link.send(subscription("subscribe", Set.copyOf(wanted)));
            }
        }

        @Override public void error(int code, String message) {
            providerErrors.incrementAndGet();
            StreamError error = StreamError.of(code);
            String why = "answered error " + code + " \"" + message + "\": " + error.meaning();
            socket.noteProblem(why);
            if (error == StreamError.AUTH_FAILED || error == StreamError.INSUFFICIENT_SUBSCRIPTION) why += " (keys from " + keys.origin() + ")";
            switch (error.reaction()) {
                case KEEP -> LOG.warn("Alpaca {} stream {}", name, why);
                case RECONNECT -> link.end(why);
                case RECONNECT_LATE -> link.endForLongest(why);
            }
        }

        @Override public void subscribed(Map<String, List<String>> byChannel) {
            Set<String> symbols = new HashSet<>();
            for (String channel : channels) symbols.addAll(byChannel.getOrDefault(channel, List.of()));
            confirmed = symbols;
        }

        @Override public void unreadable(String why) {
            long count = unreadable.incrementAndGet();
            socket.noteProblem("skipped " + why);
            if (count <= UNREADABLE_LOGGED_IN_FULL || count % 1_000 == 0) LOG.warn("Alpaca {} stream skipped {} ({} so far)", name, why, count);
        }
    }
}
