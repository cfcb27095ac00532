package io.quorum.server.api;

/** Whether the desk can serve: its store, its bus, its market feed and its broker. */
public record Health(Component database, Component bus, Component marketFeed, Component broker) {

    /** A desk whose broker runs in its own process (the paper broker), so it is up whenever the desk is. */
    public Health(Component database, Component bus, Component marketFeed) {
        this(database, bus, marketFeed, new Component(true, "in-process paper broker"));
    }

    public boolean ready() { return database.up() && bus.up() && marketFeed.up() && broker.up(); }

    /** {@code detail} says what is wrong when down, or which implementation runs when up. */
    public record Component(boolean up, String detail) {}
}
