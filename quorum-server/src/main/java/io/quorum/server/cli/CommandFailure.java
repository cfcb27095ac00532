package io.quorum.server.cli;

/** A command cannot go on, for a reason its user can fix; the message is the one line they read. */
final class CommandFailure extends RuntimeException {
    CommandFailure(String message) { super(message, null, false, false); }
}
