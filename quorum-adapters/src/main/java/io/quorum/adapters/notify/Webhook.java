package io.quorum.adapters.notify;

import java.net.URI;
import java.util.Objects;

/** A webhook: a URL that takes a POST of JSON in one of the {@link WebhookFormat}s. */
public record Webhook(String name, WebhookFormat format, URI endpoint) implements Channel {
    public Webhook {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override public String body(Notice notice) { return format.body(notice); }

    /** The URL carries the webhook's token, so it is left out. */
    @Override public String toString() { return "Webhook[" + name + ", " + format + "]"; }
}
