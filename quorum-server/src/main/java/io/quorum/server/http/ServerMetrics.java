package io.quorum.server.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's Prometheus registry. The desk registers its own meters (bus latency, decisions by
 * outcome, orders, fills, rejections, P&L) on {@link #registry()}, so that one scrape of
 * {@code /metrics} shows the whole process.
 */
public final class ServerMetrics {
    private final PrometheusMeterRegistry registry;
    private final AtomicInteger webSocketClients = new AtomicInteger();
    private final Counter framesSent;
    private final Counter framesCoalesced;
    private final Counter framesDropped;
    private final Counter resyncs;

    public ServerMetrics() {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public ServerMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("quorum.ws.clients", webSocketClients, AtomicInteger::get).description("connected WebSocket clients").register(registry);
        framesSent = Counter.builder("quorum.ws.frames.sent").description("frames written to WebSocket clients").register(registry);
        framesCoalesced = Counter.builder("quorum.ws.frames.coalesced").description("position updates replaced by a newer one before sending").register(registry);
        framesDropped = Counter.builder("quorum.ws.frames.dropped").description("frames discarded because a client's queue overflowed").register(registry);
        resyncs = Counter.builder("quorum.ws.resyncs").description("clients told to reconnect because they fell behind").register(registry);
    }

    public PrometheusMeterRegistry registry() { return registry; }

    public void recordRequest(String method, String route, int status, long nanos) {
        Timer.builder("quorum.http.requests")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .register(registry).record(Duration.ofNanos(nanos));
    }

    public void clientConnected() { webSocketClients.incrementAndGet(); }

    public void clientDisconnected() { webSocketClients.decrementAndGet(); }

    public int connectedClients() { return webSocketClients.get(); }

    public void frameSent() { framesSent.increment(); }

    public void frameCoalesced() { framesCoalesced.increment(); }

    public void framesDropped(int count) { framesDropped.increment(count); }

    public void resync() { resyncs.increment(); }

    public String scrape() { return registry.scrape(); }
}
