package io.quorum.adapters.alpaca.trading;

import java.time.Instant;
import java.util.Objects;

/** One fill as a {@code fill} or {@code partial_fill} trade update tells it: its shares and price. */
record Execution(long quantity, long priceMicros, Instant time) {
    Execution {
        if (quantity <= 0) throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        if (priceMicros <= 0) throw new IllegalArgumentException("priceMicros: must be positive, was " + priceMicros);
        Objects.requireNonNull(time, "time");
    }
}
