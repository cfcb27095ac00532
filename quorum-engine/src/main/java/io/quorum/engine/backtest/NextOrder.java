package io.quorum.engine.backtest;

import io.quorum.engine.position.Protection;
import java.util.Objects;
import java.util.function.LongFunction;

/** What a ticker's close decided for its next open: nothing, an entry, an exit, or an entry the desk vetoed (followed but not taken). */
public sealed interface NextOrder {
    NextOrder NOTHING = new Nothing();
    NextOrder EXIT = new Exit();

    record Nothing() implements NextOrder {}

    record Exit() implements NextOrder {}

    /** Buy {@code shares} at the next open; {@code protection} gives the levels from the fill price, in micro-dollars. */
    record Enter(long shares, LongFunction<Protection> protection) implements NextOrder {
        public Enter {
            if (shares <= 0) throw new IllegalArgumentException("an entry buys shares: " + shares);
            Objects.requireNonNull(protection, "protection");
        }
    }

    /** The entry the desk vetoed: not taken, but followed by the same fill rules, to tell what the veto saved or cost. */
    record Vetoed(Enter wouldHaveBeen) implements NextOrder {
        public Vetoed { Objects.requireNonNull(wouldHaveBeen, "wouldHaveBeen"); }
    }
}
