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
        "Regulators grant approval for %s's flagship product",
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
    /** Smaller news: analysts' notes and product news that nudge the price rather than move it. */
    private static final String[] MINOR_POSITIVE = {
        "%s gains as an analyst raises its price target",
        "%s expands its partnership with a cloud provider",
        "Supplier checks point to strong orders for %s",
        "%s launches an updated product line",
        "%s tops a customer satisfaction survey",
    };
    private static final String[] MINOR_NEGATIVE = {
        "%s falls as an analyst cuts its price target",
        "%s delays its next product release",
        "Supplier checks point to weak orders at %s",
        "%s warns of higher component costs",
        "%s drops after a cautious comment from management",
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

    /** A headline for a jump, or neutral noise. */
    static String write(String ticker, Tone tone, SplittableRandom random) {
        return pick(switch (tone) {
            case POSITIVE -> POSITIVE;
            case NEGATIVE -> NEGATIVE;
            case NEUTRAL -> NEUTRAL;
        }, ticker, random);
    }

    /** A headline for minor news of a positive or negative tone. */
    static String writeMinor(String ticker, boolean positive, SplittableRandom random) {
        return pick(positive ? MINOR_POSITIVE : MINOR_NEGATIVE, ticker, random);
    }

    private static String pick(String[] pool, String ticker, SplittableRandom random) {
        return pool[random.nextInt(pool.length)].formatted(ticker);
    }

    static String source(SplittableRandom random) { return SOURCES[random.nextInt(SOURCES.length)]; }
}
