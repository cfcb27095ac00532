package io.quorum.engine.risk;

import io.quorum.engine.order.RejectReason;
import java.util.Objects;

/** Whether an order may go to the broker. A refusal carries the sentence the Risk or Execution agent says. */
public sealed interface PreTradeResult {
    Pass PASS = new Pass();

    record Pass() implements PreTradeResult {}

    /** {@code sentence} reads e.g. "Refused: AAPL would be 31% of the portfolio, above the 25% limit". */
    record Refused(RejectReason reason, String sentence) implements PreTradeResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(sentence, "sentence");
        }
    }
}
