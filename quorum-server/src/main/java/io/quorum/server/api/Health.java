package io.quorum.server.api;

/** Whether the desk can serve: its store, its bus and its market feed. */
public record Health(Component database, Component bus, Component marketFeed) {

    public boolean ready() { return database.up() && bus.up() && marketFeed.up(); }

    /** {@code detail} says what is wrong when down, or which implementation runs when up. */
    public record Component(boolean up, String detail) {}
}
