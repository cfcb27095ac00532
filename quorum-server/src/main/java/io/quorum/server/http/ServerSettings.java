package io.quorum.server.http;

import io.quorum.server.ws.SessionStreamEndpoint;
import java.util.List;

/**
 * How the server behaves, apart from where it listens.
 *
 * @param allowedOrigins  origins that may open WebSockets; empty means the server's own
 *                        ({@code http://127.0.0.1:<port>} and {@code http://localhost:<port>})
 * @param mutationsPerSecond refill rate of each client's bucket for POST/PUT requests
 * @param mutationBurst   how many mutating requests a client may send at once
 * @param maxBodyBytes    larger bodies are refused with 413
 */
public record ServerSettings(List<String> allowedOrigins, double mutationsPerSecond, int mutationBurst, long maxBodyBytes,
                             SessionStreamEndpoint.Settings stream) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServerSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        if (maxBodyBytes < 1024) throw new IllegalArgumentException("maxBodyBytes: at least 1024, was " + maxBodyBytes);
    }

    public static ServerSettings defaults() {
        return new ServerSettings(List.of(), 20, 40, 64 * 1024, SessionStreamEndpoint.Settings.defaults());
    }

    public ServerSettings withRateLimit(double perSecond, int burst) {
        return new ServerSettings(allowedOrigins, perSecond, burst, maxBodyBytes, stream);
    }

    public ServerSettings withAllowedOrigins(List<String> origins) {
        return new ServerSettings(origins, mutationsPerSecond, mutationBurst, maxBodyBytes, stream);
    }

    public ServerSettings withStream(SessionStreamEndpoint.Settings newStream) {
        return new ServerSettings(allowedOrigins, mutationsPerSecond, mutationBurst, maxBodyBytes, newStream);
    }
}
