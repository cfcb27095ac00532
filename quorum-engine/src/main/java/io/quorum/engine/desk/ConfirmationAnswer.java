package io.quorum.engine.desk;

import java.util.Objects;

/** What became of the user's answer to a trade waiting for confirmation. */
public sealed interface ConfirmationAnswer {
    /** The answer was taken: the trade was checked again and placed, or refused with its reason, or declined. */
    record Taken() implements ConfirmationAnswer {}

    /** Someone answered first (another tab, say): what they answered, and who. */
    record AnsweredBefore(String how) implements ConfirmationAnswer {
        public AnsweredBefore { Objects.requireNonNull(how, "how"); }
    }

    /** The trade stopped waiting before any answer: no answer in time, or the desk lost its authority. */
    record Ended(String why) implements ConfirmationAnswer {
        public Ended { Objects.requireNonNull(why, "why"); }
    }

    /** No such confirmation in this session, ever (or too long ago to remember). */
    record Unknown() implements ConfirmationAnswer {}
}
