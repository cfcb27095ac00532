package io.quorum.engine.desk;

/** How the user's confirmation of a live account by its number ended. */
public sealed interface LiveConfirmation {
    /** The number is the venue's: the desk trades the live account from now on. */
    record Confirmed(String maskedNumber) implements LiveConfirmation {}

    /** Nothing to confirm: the account is paper, or it was confirmed before. */
    record NotAwaited() implements LiveConfirmation {}

    /** The number was not taken, with a sentence that says why; trading stays off. */
    record Refused(String sentence) implements LiveConfirmation {}
}
