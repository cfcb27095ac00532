package io.quorum.engine.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Side;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Counts bytes, not time: the steady-state tick path must not allocate, or it will stall the desk on GC. */
class PositionManagerAllocationTest {
    private static final int TICKERS = 20;
    private static final int SESSIONS = 10;
    private static final int TICKS = 200_000;

    @Test
    void a_tick_that_crosses_no_level_allocates_nothing() {
        PositionManager positions = new PositionManager(instant -> LocalDate.ofInstant(instant, ZoneOffset.UTC),
                exit -> { throw new AssertionError("no level should be crossed: " + exit); });
        long start = Instant.parse("2025-03-03T14:30:00Z").toEpochMilli();
        Tick[] ticks = new Tick[1_000];
        for (int t = 0; t < TICKERS; t++) {
            Ticker ticker = Ticker.of("T" + t);
            for (int s = 0; s < SESSIONS; s++) {
                Side side = s % 2 == 0 ? Side.BUY : Side.SELL;
                positions.onFill(SessionId.of("s" + s), new Fill("f" + t + "-" + s, ClientOrderId.of("c" + t + "-" + s), ticker, side, 100,
                        Price.parse("100"), Money.ZERO, Instant.ofEpochMilli(start)));
                positions.protect(SessionId.of("s" + s), ticker, side == Side.BUY
                        ? Protection.of("50", "200", "40") : Protection.of("200", "50", "40"));
            }
        }
        for (int i = 0; i < ticks.length; i++) {
            long last = 100_000_000L + (i % 7 - 3) * 10_000L;
            ticks[i] = new Tick(Ticker.of("T" + i % TICKERS), start + i, last, last - 10_000, last + 10_000, 100);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        // The JIT's own bookkeeping can charge a few bytes to this thread while it recompiles the
        // loop; one allocation per tick would instead show in every round, as megabytes.
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < TICKS; i++) positions.onTick(ticks[i % ticks.length]);
            fewest = Math.min(fewest, threads.getCurrentThreadAllocatedBytes() - before);
        }

        assertThat(fewest).as("bytes allocated by %d ticks in the quietest round", TICKS).isZero();
    }
}
