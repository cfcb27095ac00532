package io.quorum.engine.desk;

import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.FundamentalsProvider;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Real fundamentals behind a gate: once the gate is shut, whoever asks waits until it opens again,
 * so a test can hold the Fundamental agent in the middle of a vote.
 */
final class GatedFundamentals implements FundamentalsProvider {
    private final FundamentalsProvider provider;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    GatedFundamentals(FundamentalsProvider provider) { this.provider = provider; }

    void shut() { gate = new CountDownLatch(1); }

    void open() { gate.countDown(); }

    @Override public Optional<Fundamentals> fundamentals(Ticker ticker) {
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("the gate was never opened");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return provider.fundamentals(ticker);
    }
}
