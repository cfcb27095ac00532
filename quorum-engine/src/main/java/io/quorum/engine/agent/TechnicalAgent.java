package io.quorum.engine.agent;

import io.quorum.engine.market.TechnicalView;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.signal.IndicatorSignal;
import io.quorum.engine.market.signal.MarketEvent;
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
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads the chart. In analysis it proposes the trade the trend supports, with a stop two ATRs
 * away and a target three ATRs away (1.5 : 1), sized by the desk's sizing rule; after the user
 * rejects the card, the revision answers the user's reason ({@link UserConcern}). While auto-trading, a signal from the market
 * monitor (or a volume spike on a moving price) becomes an ALERT; once Sentiment has answered the
 * desk's question about it, the Technical agent turns it into a proposal: open, add to, or close
 * the position, sized by the signal's strength times the sizing rule ({@link #strength}).
 */
public final class TechnicalAgent extends Agent {
    static final int STOP_ATR = 2;
    static final int TARGET_ATR = 3;
    /** A volume spike starts a conversation once the price is this many ATRs from the day's open. */
    static final int SPIKE_MOVE_ATR = 1;
    /** The least share of the sizing rule's size a signal is worth. */
    static final double WEAKEST = 0.25;
    /** At most one proposal from signals in this much market time, so one move is one conversation. */
    static final Duration COOL_DOWN = Duration.ofMinutes(30);

    /** How much of the position Technical would rather trim when another agent proposes to cut more of it. */
    static final String TRIM_PCT = "25";

    private Pending pendingSignal;
    private Instant lastSignalProposal = Instant.MIN;
    private Instant lastAlert = Instant.MIN;
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
    public Proposal propose(String userConcern) { return propose(userConcern, userConcern == null ? null : UserConcern.read(userConcern)); }

    /**
     * How the user's reason for rejecting the card reads ({@link UserConcern#read}); when its words
     * name no concern and a model reads for Technical, the concern the model reads in it, later.
     */
    public CompletionStage<UserConcern.Match> readConcern(String userConcern) {
        UserConcern.Match byWords = UserConcern.read(userConcern);
        if (byWords.namesAConcern()) return CompletableFuture.completedFuture(byWords);
        return readRejection(lastCard != null ? lastCard : propose(null), userConcern, byWords);
    }

    /** The revision of the card the user rejected with {@code userConcern}, read as {@code match} (null: a fresh analysis). */
    public Proposal propose(String userConcern, UserConcern.Match match) {
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
            if (countered(proposal)) return Judgement.reject("the trend still favours the position; I proposed a smaller trim instead");
            return trendTurned(v, proposal.direction()) ? Judgement.approve("the chart has turned against the position") : Judgement.abstain("the trend still favours the position");
        }
        if (isLong ? v.overbought() : v.oversold()) return Judgement.abstain("RSI " + v.rsi14() + " is stretched; I would wait for a pullback");
        if (isLong == bullish(v)) return Judgement.approve((isLong ? "price above" : "price below") + " the 200-day SMA $" + v.sma200() + ", MACD " + (v.macdBullish() ? "bullish" : "bearish"));
        return Judgement.reject("the chart points the other way: price $" + v.last() + " vs 200-day SMA $" + v.sma200());
    }

    /**
     * Another agent's proposal to cut the position on news or valuation, by more than a quarter,
     * while the chart still favours the position: Technical answers with a counter-proposal to trim
     * a quarter ({@value #TRIM_PCT}%), in reply to it, so that the desk chooses between the two.
     * Risk's proposals answer a limit, which the chart has no say in, and are never countered.
     */
    @Override protected void onProposal(AgentMessage message, Proposal proposal) {
        AgentRole proposer = message.sender();
        if (proposer == role() || proposer == AgentRole.RISK || message.replyTo() != null || !proposal.ticker().equals(ticker)) return;
        if (proposal.action() != TradeAction.REDUCE && proposal.action() != TradeAction.CLOSE) return;
        long held = desk.exposure(ticker).quantity();
        long trim = Size.percentOfPosition(TRIM_PCT).sharesGiven(held);
        if (trim == 0 || proposal.size().sharesGiven(held) <= trim || (held > 0 ? Direction.LONG : Direction.SHORT) != proposal.direction()) return;
        TechnicalView v = desk.technical(ticker);
        if (trendTurned(v, proposal.direction())) return;
        String position = proposal.direction().name().toLowerCase();
        Proposal counter = new Proposal(ProposalId.random(), TradeAction.REDUCE, ticker, proposal.direction(), Size.percentOfPosition(TRIM_PCT), proposal.entry(),
                null, null, null,
                "the chart still favours the " + position + " position (price $" + v.last() + " vs 200-day SMA $" + v.sma200() + ", MACD "
                        + (v.macdBullish() ? "bullish" : "bearish") + "): trim a quarter, " + trim + " shares, rather than "
                        + proposal.size().sharesGiven(held) + " on " + proposer.displayName() + "'s reading",
                "Counter-proposal: trim the " + position + " " + ticker + " position by a quarter (" + trim + " shares) instead, at about $" + proposal.entry());
        counter(message, counter);
    }

    private static boolean trendTurned(TechnicalView v, Direction position) {
        return position == Direction.LONG ? v.downtrend() || !v.macdBullish() : v.uptrend() || v.macdBullish();
    }

    /** A signal from the market monitor: tell the desk, and wait for the news check before proposing. */
    public void onSignal(IndicatorSignal signal) {
        pendingSignal = new Pending(signal.kind().isBullish() ? Direction.LONG : Direction.SHORT, strength(signal.relativeVolume()), signal.text());
        lastAlert = clock().now();
        say(Recipients.all(), new Alert(Alert.AlertKind.PRICE_SIGNAL, Alert.Severity.INFO, ticker, signal.text()));
    }

    /**
     * A minute of heavy volume. It starts a conversation when the price has moved at least
     * {@value #SPIKE_MOVE_ATR} ATR from the day's open (the spike then says which way the money
     * goes) and the desk has not talked about this ticker's moves in the last {@link #COOL_DOWN};
     * a spike on a flat price is only noise.
     */
    public void onVolumeSpike(MarketEvent.VolumeSpike spike) {
        Instant now = clock().now();
        if (now.isBefore(lastAlert.plus(COOL_DOWN))) return;
        TechnicalView v = desk.technical(ticker);
        long price = desk.lastTick(ticker).map(Tick::lastMicros).orElse(v.last().micros());
        long move = price - v.open().micros();
        if (v.atr14().micros() == 0 || Math.abs(move) < v.atr14().micros() * SPIKE_MOVE_ATR) return;
        Direction direction = move > 0 ? Direction.LONG : Direction.SHORT;
        String atrs = BigDecimal.valueOf(Math.abs(move)).divide(BigDecimal.valueOf(v.atr14().micros()), 1, RoundingMode.HALF_EVEN).toPlainString();
        String text = spike.text() + ", with the price " + (move > 0 ? "up " : "down ") + atrs + " ATR from today's open ($" + v.open() + ")";
        pendingSignal = new Pending(direction, strength(spike.multiple() / 3), text);
        lastAlert = now;
        say(Recipients.all(), new Alert(Alert.AlertKind.VOLUME_SPIKE, Alert.Severity.INFO, ticker, text));
    }

    /**
     * Sentiment's answer to the question about the signal: time to put a trade to the vote, at half
     * the signal's strength when the news runs against the move.
     */
    @Override protected void onUpdate(AgentMessage message, Update update) {
        if (message.sender() != AgentRole.SENTIMENT || update.kind() != Update.UpdateKind.OBSERVATION || pendingSignal == null) return;
        Instant now = clock().now();
        Pending signal = pendingSignal;
        pendingSignal = null;
        if (now.isBefore(lastSignalProposal.plus(COOL_DOWN))) return;
        NewsAnswer news = NewsAnswer.read(update.text());
        if (news.tone().leaning(signal.direction()) < 0) {
            // The news runs against the chart: still a trade, at half the size.
            signal = new Pending(signal.direction(), signal.strength().divide(BigDecimal.TWO, 2, RoundingMode.DOWN),
                    signal.text() + "; halved because Sentiment reports " + news.tone().name().toLowerCase() + " news against the move");
        }
        Proposal proposal = fromSignal(signal);
        lastSignalProposal = now;
        putForward(proposal);
    }

    /**
     * How much of the sizing rule's size a signal deserves: its volume against the average, halved,
     * between {@value #WEAKEST} and 1. A signal on twice the average volume or more is worth the full
     * size, one on average volume half of it, one whose volume is unknown (0) a quarter.
     */
    static BigDecimal strength(double relativeVolume) {
        double strength = Math.max(WEAKEST, Math.min(1, relativeVolume / 2));
        return BigDecimal.valueOf(strength).setScale(2, RoundingMode.HALF_EVEN);
    }

    private Proposal fromSignal(Pending signal) {
        TechnicalView v = desk.technical(ticker);
        long held = desk.exposure(ticker).quantity();
        Direction direction = signal.direction();
        if (held != 0 && (held > 0 ? Direction.LONG : Direction.SHORT) != direction) {
            Direction position = held > 0 ? Direction.LONG : Direction.SHORT;
            return new Proposal(ProposalId.random(), TradeAction.CLOSE, ticker, position, Size.percentOfPosition("100"), v.last(), null, null, null,
                    signal.text() + "; the signal runs against the " + position.name().toLowerCase() + " position",
                    "Close the " + position.name().toLowerCase() + " " + ticker + " position at about $" + v.last());
        }
        Price stop = CardTerms.PLAIN.stop(direction, v);
        Price target = CardTerms.PLAIN.target(direction, v);
        long full = desk.suggestedShares(ticker, v.last(), stop);
        long shares = Math.max(1, signal.strength().multiply(BigDecimal.valueOf(full)).setScale(0, RoundingMode.DOWN).longValueExact());
        String sizing = "; size " + shares + " shares: signal strength " + signal.strength() + " × the sizing rule's " + full
                + " shares for a stop " + STOP_ATR + " ATR away";
        if (held == 0) {
            TradeAction action = direction == Direction.LONG ? TradeAction.OPEN_LONG : TradeAction.OPEN_SHORT;
            return new Proposal(ProposalId.random(), action, ticker, direction, Size.shares(shares), v.last(), stop, target, desk.config().trailingStopPct(),
                    signal.text() + "; sentiment checked" + sizing,
                    (direction == Direction.LONG ? "Buy " : "Sell short ") + shares + " " + ticker + ". Entry: $" + v.last() + ", Stop: $" + stop + ", Target: $" + target);
        }
        return new Proposal(ProposalId.random(), TradeAction.INCREASE, ticker, direction, Size.shares(shares), v.last(), stop, target, desk.config().trailingStopPct(),
                signal.text() + "; the signal confirms the position" + sizing,
                "Increase position by " + shares + " shares. Entry: $" + v.last() + ", New Stop: $" + stop + ", Target: $" + target);
    }

    /** A signal told to the desk, waiting for Sentiment's word on the news. */
    private record Pending(Direction direction, BigDecimal strength, String text) {}

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
