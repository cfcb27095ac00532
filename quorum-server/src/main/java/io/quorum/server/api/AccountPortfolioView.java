package io.quorum.server.api;

import java.util.List;

/**
 * The account seen whole: every open position of every session, with the equity and cash every
 * panel shows, gross and net exposure, and net exposure per ticker and per sector; money as
 * decimal strings, per cents of equity with two places.
 */
public record AccountPortfolioView(String equity, String cash, String grossExposure, String grossExposurePct, String netExposure,
                                   String netExposurePct, List<HeldPosition> positions, List<Exposure> byTicker, List<Exposure> bySector) {

    /** One session's position: the {@link PositionView} of its Positions panel, with its session, sector and signed market value. */
    public record HeldPosition(String sessionId, String sector, String marketValue, PositionView position) {}

    /** Net exposure of one ticker or sector (shorts negative). */
    public record Exposure(String name, String exposure, String pctOfEquity) {}
}
