package io.quorum.engine.position;

/** One session's running money totals, in micro-dollars. */
final class Ledger {
    long realisedMicros;
    long commissionMicros;
    /** Every fill's cash movement, commissions included: what the session's cash has changed by. */
    long cashFlowMicros;
    /** Cash flow plus market value of the open positions when the current trading day began. */
    long dayStartEquityMicros;
}
