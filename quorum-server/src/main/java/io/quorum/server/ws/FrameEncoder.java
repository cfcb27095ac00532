package io.quorum.server.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.server.api.StreamEvent;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns stream events into frame text, once per event however many clients send it: a fan-out
 * hands the same event object to every client, so the last one encoded is remembered by identity.
 * An interleaved other event only costs an extra encoding, never a wrong frame.
 */
public final class FrameEncoder {
    private final ObjectMapper mapper;
    private final AtomicReference<Encoded> last = new AtomicReference<>();

    public FrameEncoder(ObjectMapper mapper) { this.mapper = mapper; }

    private record Encoded(StreamEvent event, String text) {}

    public String encode(StreamEvent event) {
        Encoded remembered = last.get();
        if (remembered != null && remembered.event() == event) return remembered.text();
        try {
            String text = mapper.writeValueAsString(event);
            last.set(new Encoded(event, text));
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a " + event.type() + " event", e);
        }
    }
}
