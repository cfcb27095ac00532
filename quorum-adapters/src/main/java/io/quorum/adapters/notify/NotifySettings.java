package io.quorum.adapters.notify;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The {@code notify} section: the desk's address (for the link in a confirmation notice), how
 * deliveries are tried, and the channels. Without channels the desk notifies no one.
 */
public record NotifySettings(URI deskUrl, DeliveryPolicy policy, List<ChannelSettings> channels) {
    public static final URI LOCAL_DESK = URI.create("http://127.0.0.1:8080");

    public NotifySettings {
        Objects.requireNonNull(deskUrl, "deskUrl");
        Objects.requireNonNull(policy, "policy");
        channels = List.copyOf(channels);
    }

    public static NotifySettings none() { return new NotifySettings(LOCAL_DESK, DeliveryPolicy.defaults(), List.of()); }

    public boolean isEnabled() { return !channels.isEmpty(); }
}
