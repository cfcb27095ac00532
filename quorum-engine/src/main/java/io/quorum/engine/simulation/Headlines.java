package io.quorum.engine.simulation;

import io.quorum.engine.simulation.SimulatedNewsFeed.Tone;
import java.util.SplittableRandom;

/** Writes plausible headlines of a given tone; {@code %s} is the ticker. */
final class Headlines {
    private static final String[] POSITIVE = {
        "%s beats quarterly estimates and raises full-year guidance",
        "%s wins a multi-year contract with a major customer",
        "Analysts upgrade %s to buy, citing accelerating demand",
        "%s announces a larger share buyback programme",
        "Regulators clear %s's flagship product for sale",
        "%s shares rally as orders surge ahead of launch",
    };
    private static final String[] NEGATIVE = {
        "%s misses quarterly estimates and cuts its outlook",
        "%s faces a regulatory probe into its sales practices",
        "Analysts downgrade %s to sell on slowing growth",
        "%s recalls products after a safety complaint",
        "%s loses a key customer to a rival",
        "%s shares slide after its chief financial officer resigns",
    };
    private static final String[] NEUTRAL = {
        "%s to present at an industry conference next week",
        "%s schedules its quarterly earnings call",
        "%s names a new head of investor relations",
        "Options activity in %s in line with its average",
        "%s files its routine quarterly report",
    };
    private static final String[] SOURCES = {"Market Wire", "Street Ledger", "Business Daily", "Trading Desk News"};

    private Headlines() {}

    static String write(String ticker, Tone tone, SplittableRandom random) {
        String[] pool = switch (tone) {
            case POSITIVE -> POSITIVE;
            case NEGATIVE -> NEGATIVE;
            case NEUTRAL -> NEUTRAL;
        };
        return pool[random.nextInt(pool.length)].formatted(ticker);
    }

    static String source(SplittableRandom random) { return SOURCES[random.nextInt(SOURCES.length)]; }
}
