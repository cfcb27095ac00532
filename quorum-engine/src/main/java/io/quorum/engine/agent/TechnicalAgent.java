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
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;

/**
 * Reads the chart. In analysis it proposes the trade the trend supports, with a stop two ATRs
 * away and a target three ATRs away (1.5 : 1), sized by the desk's sizing rule; after the user
 * rejects the card, the revision answers the user's reason ({@link UserConcern}). While auto-trading, a signal from the market
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
    /** The last analysis card and its terms, so that a revision answers the card the user rejected. */
    private Proposal lastCard;
    private CardTerms cardTerms = CardTerms.PLAIN;

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

    /**
     * The trade the chart supports now, for the analysis a user asked for; after a rejection,
     * {@code userConcern} is the user's reason, and the revision answers it (see {@link UserConcern}):
     * it starts from the card the user rejected, changes only what the concern is about, and its
     * rationale says which concern it read, what changed and why.
     */
    public Proposal propose(String userConcern) {
        TechnicalView v = desk.technical(ticker);
        Direction direction = bullish(v) ? Direction.LONG : Direction.SHORT;
        String reading = (direction == Direction.LONG
                ? "Price above the 200-day average with " + (v.macdBullish() ? "bullish" : "recovering") + " MACD"
                : "Price below the 200-day average with " + (v.macdBullish() ? "fading" : "bearish") + " MACD")
                + "; RSI " + v.rsi14();
        if (userConcern == null) {
            cardTerms = CardTerms.PLAIN;
            lastCard = entry(direction, v, cardTerms, reading + "; " + cardTerms.describe());
            return lastCard;
        }
        UserConcern.Match match = UserConcern.read(userConcern);
        Proposal before = lastCard != null && lastCard.direction() == direction ? lastCard : entry(direction, v, CardTerms.PLAIN, reading);
        CardTerms revised = (lastCard != null && lastCard.direction() == direction ? cardTerms : CardTerms.PLAIN).answering(match.concern());
        Proposal draft = entry(direction, v, revised, reading);
        String rationale = reading + "; " + revised.describe() + ". Revised after the user's concern \"" + userConcern + "\", "
                + match.explanation() + ": " + changes(before, draft, match.concern());
        cardTerms = revised;
        lastCard = entry(direction, v, revised, rationale);
        return lastCard;
    }

    /** What the revision changed against the card the user rejected, and what it kept. */
    private static String changes(Proposal before, Proposal after, UserConcern concern) {
        List<String> changed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        long sharesBefore = before.size().sharesGiven(0);
        long sharesAfter = after.size().sharesGiven(0);
        if (sharesAfter != sharesBefore) changed.add("size " + sharesBefore + " → " + sharesAfter + " shares");
        else kept.add("size");
        if (!after.stop().equals(before.stop())) changed.add("stop $" + before.stop() + " → $" + after.stop());
        else kept.add("stop");
        if (!after.target().equals(before.target())) changed.add("target $" + before.target() + " → $" + after.target());
        else kept.add("target");
        String why = switch (concern) {
            case STOP_TOO_WIDE -> "a tighter stop risks less per share";
            case POSITION_TOO_BIG -> "half the shares, half the money at stake";
            case TOO_RISKY -> "fewer shares and a tighter stop put less money at risk";
            case TARGET_TOO_FAR -> "a nearer target is more likely to be reached";
        };
        if (changed.isEmpty()) return "nothing left to change: the terms are already at their most careful";
        return String.join(", ", changed) + (kept.isEmpty() ? "" : "; " + String.join(" and ", kept) + " as before") + " (" + why + ")";
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
        if (held == 0) return entry(signal, v, CardTerms.PLAIN, text + "; sentiment checked");
        Direction position = held > 0 ? Direction.LONG : Direction.SHORT;
        if (position != signal) {
            return new Proposal(ProposalId.random(), TradeAction.CLOSE, ticker, position, Size.percentOfPosition("100"), v.last(), null, null, null,
                    text + "; the signal runs against the " + position.name().toLowerCase() + " position",
                    "Close the " + position.name().toLowerCase() + " " + ticker + " position at about $" + v.last());
        }
        Price stop = CardTerms.PLAIN.stop(signal, v);
        Price target = CardTerms.PLAIN.target(signal, v);
        return new Proposal(ProposalId.random(), TradeAction.INCREASE, ticker, signal, ADD_ON, v.last(), stop, target, desk.config().trailingStopPct(),
                text + "; the signal confirms the position",
                "Increase position by " + ADD_ON.amount() + "%. Entry: $" + v.last() + ", New Stop: $" + stop + ", Target: $" + target);
    }

    private Proposal entry(Direction direction, TechnicalView v, CardTerms terms, String rationale) {
        Price stop = terms.stop(direction, v);
        Price target = terms.target(direction, v);
        long shares = terms.shares(desk.suggestedShares(ticker, v.last(), CardTerms.PLAIN.stop(direction, v)));
        TradeAction action = direction == Direction.LONG ? TradeAction.OPEN_LONG : TradeAction.OPEN_SHORT;
        String verb = direction == Direction.LONG ? "Buy " : "Sell short ";
        return new Proposal(ProposalId.random(), action, ticker, direction, Size.shares(shares), v.last(), stop, target, desk.config().trailingStopPct(),
                rationale, verb + shares + " " + ticker + ". Entry: $" + v.last() + ", Stop: $" + stop + ", Target: $" + target);
    }

    private static boolean bullish(TechnicalView v) {
        return v.uptrend() || (v.aboveSma200() && !v.downtrend()) || (!v.downtrend() && v.macdBullish() && v.last().isAbove(v.sma50()));
    }

    /**
     * The terms of a card as distances in quarters of an ATR and halvings of the size the sizing
     * rule gives for the plain stop; the plain card is a stop {@value #STOP_ATR} ATRs away, a target
     * {@value #TARGET_ATR} ATRs away and the full size. Each answer to a concern moves one step, so a
     * second "stop too wide" tightens the stop again, down to half an ATR.
     */
    record CardTerms(int stopQuarters, int targetQuarters, int sizeHalvings) {
        static final CardTerms PLAIN = new CardTerms(STOP_ATR * 4, TARGET_ATR * 4, 0);
        private static final int TIGHTEST_STOP = 2;
        private static final int NEAREST_TARGET = 4;
        private static final int SMALLEST_SIZE = 6;

        CardTerms answering(UserConcern concern) {
            return switch (concern) {
                case STOP_TOO_WIDE -> new CardTerms(tighterStop(), targetQuarters, sizeHalvings);
                case POSITION_TOO_BIG -> new CardTerms(stopQuarters, targetQuarters, smallerSize());
                case TOO_RISKY -> new CardTerms(tighterStop(), targetQuarters, smallerSize());
                case TARGET_TOO_FAR -> new CardTerms(stopQuarters, Math.max(NEAREST_TARGET, targetQuarters - 4), sizeHalvings);
            };
        }

        private int tighterStop() { return Math.max(TIGHTEST_STOP, stopQuarters - 2); }

        private int smallerSize() { return Math.min(SMALLEST_SIZE, sizeHalvings + 1); }

        Price stop(Direction direction, TechnicalView v) { return away(v, -direction.sign(), stopQuarters); }

        Price target(Direction direction, TechnicalView v) { return away(v, direction.sign(), targetQuarters); }

        long shares(long fullSize) { return Math.max(1, fullSize >> sizeHalvings); }

        /** "stop 1.5 ATR, target 3 ATR, half the size the sizing rule gives". */
        String describe() {
            String size = sizeHalvings == 0 ? "" : ", " + (sizeHalvings == 1 ? "half" : "1/" + (1 << sizeHalvings)) + " of the size the sizing rule gives";
            return "stop " + atrs(stopQuarters) + " ATR, target " + atrs(targetQuarters) + " ATR" + size;
        }

        private static String atrs(int quarters) {
            return BigDecimal.valueOf(quarters).divide(BigDecimal.valueOf(4)).stripTrailingZeros().toPlainString();
        }

        private static Price away(TechnicalView v, int sign, int quarters) {
            long offset = v.atr14().micros() * quarters / 4;
            return Price.ofMicros(Math.max(1, v.last().micros() + sign * offset));
        }
    }
}
