package io.quorum.server.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) as a request to stop, instead of the JVM's default of running the
 * shutdown hooks and exiting 143: the command that waits on {@link #await} stops in order and
 * exits 0, as systemd and container runtimes expect of a clean stop.
 */
final class StopSignals {
    private final CountDownLatch requested = new CountDownLatch(1);

    private StopSignals() {}

    static StopSignals install() {
        StopSignals signals = new StopSignals();
        Signal.handle(new Signal("TERM"), signal -> signals.requested.countDown());
        Signal.handle(new Signal("INT"), signal -> signals.requested.countDown());
        return signals;
    }

    void await() throws InterruptedException { requested.await(); }
}
