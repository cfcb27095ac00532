package io.quorum.engine.agent;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Update;
import io.quorum.engine.money.Price;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads the chart. In analysis it proposes the trade the trend supports, with a stop two ATRs
 * away and a target three ATRs away (1.5 : 1). While auto-trading, a signal from the market
 * monitor becomes an ALERT; once Sentiment has answered the desk's question about it, the
 * Technical agent turns it into a proposal: open, add to, or close the position.
 */
public final class TechnicalAgent extends Agent {
    static final int STOP_ATR = 2;
    static final int TARGET_ATR = 3;
    /** Percent added to a position that a new signal confirms. */
    static final Size ADD_ON = Size.percentOfPosition("20");
    /** At most one proposal from signals in this much market time, so one move is one conversation. */
    static final Duration COOL_DOWN = Duration.ofMinutes(30);

    private Direction pendingSignal;
    private String pendingSignalText;
    private Instant lastSignalProposal = Instant.MIN;

    public TechnicalAgent(AgentContext context) { super(AgentRole.TECHNICAL, context); }

    @Override public List<String> analyze() {
        TechnicalView v = desk.technical(ticker);
        String trend = v.uptrend() ? "uptrend" : v.downtrend() ? "downtrend" : "no clear trend";
        return List.of(
                "Trend: " + ticker + " at $" + v.last() + ", 50-day SMA $" + v.sma50() + ", 200-day SMA $" + v.sma200() + " — " + trend + ".",
                "Momentum: RSI(14) " + v.rsi14() + (v.overbought() ? " (overbought)" : v.oversold() ? " (oversold)" : "")
                        + ", MACD " + v.macd() + " " + (v.macdBullish() ? "above" : "below") + " its signal " + v.macdSignal() + ".",
                "Range: 20-day high $" + v.high20() + ", low $" + v.low20() + "; ATR(14) $" + v.atr14() + " (" + v.atrPct() + "% a day); volume "
                        + v.volumeMultiple() + "× its 20-day average.");
    }

    /** The trade the chart supports now, for the analysis a user asked for. */
    public Proposal propose(String userConcern) {
        TechnicalView v = desk.technical(ticker);
        Direction direction = bullish(v) ? Direction.LONG : Direction.SHORT;
        String rationale = (direction == Direction.LONG
                ? "Price above the 200-day average with " + (v.macdBullish() ? "bullish" : "recovering") + " MACD"
                : "Price below the 200-day average with " + (v.macdBullish() ? "fading" : "bearish") + " MACD")
                + "; RSI " + v.rsi14() + "; stop " + STOP_ATR + " ATR, target " + TARGET_ATR + " ATR"
                + (userConcern == null ? "" : ". Revised after the user's concern: " + userConcern);
        return entry(direction, v, userConcern == null ? 1 : 2, rationale);
    }

    @Override public Judgement judge(Proposal proposal) {
        TechnicalView v = desk.technical(proposal.ticker());
        boolean isLong = proposal.direction() == Direction.LONG;
        if (!proposal.action().addsExposure()) {
            boolean trendTurned = isLong ? v.downtrend() || !v.macdBullish() : v.uptrend() || v.macdBullish();
            return trendTurned ? Judgement.approve("the chart has turned against the position") : Judgement.abstain("the trend still favours the position");
        }
        if (isLong ? v.overbought() : v.oversold()) return Judgement.abstain("RSI " + v.rsi14() + " is stretched; I would wait for a pullback");
        if (isLong == bullish(v)) return Judgement.approve((isLong ? "price above" : "price below") + " the 200-day SMA $" + v.sma200() + ", MACD " + (v.macdBullish() ? "bullish" : "bearish"));
        return Judgement.reject("the chart points the other way: price $" + v.last() + " vs 200-day SMA $" + v.sma200());
    }

    /** A signal from the market monitor: tell the desk, and wait for the news check before proposing. */
    public void onSignal(boolean bullish, String text) {
        pendingSignal = bullish ? Direction.LONG : Direction.SHORT;
        pendingSignalText = text;
        say(Recipients.all(), new Alert(Alert.AlertKind.PRICE_SIGNAL, Alert.Severity.INFO, ticker, text));
    }

    /** Sentiment's answer to the question about the signal: time to put a trade to the vote. */
    @Override protected void onUpdate(AgentMessage message, Update update) {
        if (message.sender() != AgentRole.SENTIMENT || update.kind() != Update.UpdateKind.OBSERVATION || pendingSignal == null) return;
        Instant now = clock().now();
        if (now.isBefore(lastSignalProposal.plus(COOL_DOWN))) return;
        Proposal proposal = fromSignal(pendingSignal, pendingSignalText);
        pendingSignal = null;
        if (proposal == null) return;
        lastSignalProposal = now;
        say(Recipients.all(), proposal);
    }

    private Proposal fromSignal(Direction signal, String text) {
        TechnicalView v = desk.technical(ticker);
        long held = desk.exposure(ticker).quantity();
        if (held == 0) return entry(signal, v, 1, text + "; sentiment checked");
        Direction position = held > 0 ? Direction.LONG : Direction.SHORT;
        if (position != signal) {
            return new Proposal(ProposalId.random(), TradeAction.CLOSE, ticker, position, Size.percentOfPosition("100"), v.last(), null, null, null,
                    text + "; the signal runs against the " + position.name().toLowerCase() + " position",
                    "Close the " + position.name().toLowerCase() + " " + ticker + " position at about $" + v.last());
        }
        Price stop = stop(signal, v, 1);
        Price target = target(signal, v);
        return new Proposal(ProposalId.random(), TradeAction.INCREASE, ticker, signal, ADD_ON, v.last(), stop, target, desk.config().trailingStopPct(),
                text + "; the signal confirms the position",
                "Increase position by " + ADD_ON.amount() + "%. Entry: $" + v.last() + ", New Stop: $" + stop + ", Target: $" + target);
    }

    private Proposal entry(Direction direction, TechnicalView v, int revision, String rationale) {
        // A revision after a user's rejection stands further back: a wider stop and half the size.
        Price stop = stop(direction, v, revision);
        Price target = target(direction, v);
        long shares = Math.max(1, desk.suggestedShares(ticker, v.last(), stop) / revision);
        TradeAction action = direction == Direction.LONG ? TradeAction.OPEN_LONG : TradeAction.OPEN_SHORT;
        String verb = direction == Direction.LONG ? "Buy " : "Sell short ";
        return new Proposal(ProposalId.random(), action, ticker, direction, Size.shares(shares), v.last(), stop, target, desk.config().trailingStopPct(),
                rationale, verb + shares + " " + ticker + ". Entry: $" + v.last() + ", Stop: $" + stop + ", Target: $" + target);
    }

    private static boolean bullish(TechnicalView v) {
        return v.uptrend() || (v.aboveSma200() && !v.downtrend()) || (!v.downtrend() && v.macdBullish() && v.last().isAbove(v.sma50()));
    }

    private static Price stop(Direction direction, TechnicalView v, int revision) {
        long offset = v.atr14().micros() * (STOP_ATR + revision - 1L);
        long stop = direction == Direction.LONG ? v.last().micros() - offset : v.last().micros() + offset;
        return Price.ofMicros(Math.max(1, stop));
    }

    private static Price target(Direction direction, TechnicalView v) {
        long offset = v.atr14().micros() * TARGET_ATR;
        long target = direction == Direction.LONG ? v.last().micros() + offset : v.last().micros() - offset;
        return Price.ofMicros(Math.max(1, target));
    }
}
