package io.quorum.server.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.adapters.json.MessageJson;
import io.quorum.engine.decision.DecisionRecord;
import io.quorum.engine.decision.OrderTrail;
import io.quorum.engine.decision.RecordedVote;
import io.quorum.engine.agent.AgentActivity;
import io.quorum.engine.desk.DeskSession;
import io.quorum.engine.desk.OrderTicket;
import io.quorum.engine.desk.PendingConfirmation;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Execution;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Tally;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.order.Side;
import io.quorum.engine.position.PnlSummary;
import io.quorum.engine.portfolio.Portfolio;
import io.quorum.engine.position.Position;
import io.quorum.engine.position.Protection;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.session.ConfigViolation;
import io.quorum.engine.session.SizingRule;
import io.quorum.engine.session.StopReason;
import io.quorum.engine.snapshot.DeskSnapshot;
import io.quorum.engine.snapshot.SessionSnapshot;
import io.quorum.server.api.AgentActivityView;
import io.quorum.server.api.AgentMessageView;
import io.quorum.server.api.AlertView;
import io.quorum.server.api.AutoTradingConfigView;
import io.quorum.server.api.BarView;
import io.quorum.server.api.ConfirmationView;
import io.quorum.server.api.DecisionEntry;
import io.quorum.server.api.DeskException;
import io.quorum.server.api.FieldError;
import io.quorum.server.api.OrderTicketView;
import io.quorum.server.api.PortfolioView;
import io.quorum.server.api.PositionView;
import io.quorum.server.api.ProposalView;
import io.quorum.server.api.SessionView;
import io.quorum.server.api.StopsChange;
import io.quorum.server.api.TradeFill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's values as the API's records, and the API's input back as engine values. Pure
 * functions: what a view shows of the desk's state comes in as an argument, the latest
 * {@link DeskSnapshot} for what the engine loop owns (positions, P&L, trades today, last prices),
 * so that a view never waits for the loop and can be built on any thread, a follower of the
 * journal's tail included.
 */
final class ApiViews {
    private static final ObjectMapper CONTENT = new ObjectMapper();

    private ApiViews() { }

    // ---- sessions and proposals ----------------------------------------------------------------

    /** The session as the UI sees it; its state machine's part is read at once, the loop's part off {@code snapshot}. */
    static SessionView session(DeskSession session, DeskSnapshot snapshot, long lastSeq) {
        Optional<SessionSnapshot> part = snapshot.session(session.id());
        ProposalView proposal = session.proposal().map(p -> proposal(p, snapshot.lastPrice(p.ticker()).orElse(p.entry()),
                part.flatMap(s -> s.position(p.ticker())).map(Position::signedQuantity).orElse(0L))).orElse(null);
        return new SessionView(session.id().value(), session.ticker().symbol(), session.watchlist().stream().map(Ticker::symbol).toList(), session.state().name(),
                session.stopReason().map(StopReason::code).orElse(null), new SessionView.AutoTradingStatus(session.isAutoTradingEnabled()),
                part.map(s -> new SessionView.Trading(s.tradingState().name(), s.tradingStateReason().isEmpty() ? null : s.tradingStateReason()))
                        .orElse(new SessionView.Trading("ACTIVE", null)),
                proposal, config(session.config()), part.map(SessionSnapshot::tradesToday).orElse(0), lastSeq,
                new SessionView.Models(session.reasonsWithModels(), session.modelBudgetSpentToday()));
    }

    /** {@code notional} at {@code price} for the shares the proposal means while {@code held} shares (signed) are held. */
    static ProposalView proposal(Proposal p, Price price, long held) {
        long shares = p.size().sharesGiven(held);
        return new ProposalView(p.id().toString(), p.action(), p.ticker().symbol(), p.direction(),
                new ProposalView.SizeView(p.size().unit(), p.size().amount().toPlainString()), p.entry().toString(), text(p.stop()), text(p.target()),
                plain(p.trailingStopPct()), p.rationale(), p.text(), price.times(shares).toString());
    }

    // ---- configuration -------------------------------------------------------------------------

    static AutoTradingConfigView config(AutoTradingConfig c) {
        return new AutoTradingConfigView(c.maxPositionPct().toPlainString(), c.maxDailyLossPct().toPlainString(), c.maxTradesPerDay(),
                c.tradingHoursStart().toString(), c.tradingHoursEnd().toString(), c.timeZone().getId(),
                c.requireConfirmationAbove().toBigDecimal().stripTrailingZeros().toPlainString(), (int) c.decisionTimeout().toSeconds(), c.quorum(),
                plain(c.trailingStopPct()), c.flattenOnMaxLoss(), sizing(c.sizing()));
    }

    static AutoTradingConfigView.SizingView sizing(SizingRule rule) {
        String kind = rule.kind().name();
        return switch (rule) {
            case SizingRule.FixedFractional r -> new AutoTradingConfigView.SizingView(kind, r.riskPct().toPlainString(), null, null, null);
            case SizingRule.AtrMultiple r -> new AutoTradingConfigView.SizingView(kind, r.riskPct().toPlainString(), r.atrMultiple().toPlainString(), null, null);
            case SizingRule.VolatilityTarget r -> new AutoTradingConfigView.SizingView(kind, null, null, r.targetDailyVolPct().toPlainString(), null);
            case SizingRule.FixedAmount r -> new AutoTradingConfigView.SizingView(kind, null, null, null, r.amount().toBigDecimal().stripTrailingZeros().toPlainString());
        };
    }

    /** The config the user sent, or {@link DeskException.Invalid} with one error per field that is wrong. */
    static AutoTradingConfig config(AutoTradingConfigView v) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal maxPosition = decimal(v.maxPositionPct(), "maxPositionPct", errors);
        BigDecimal maxLoss = decimal(v.maxDailyLossPct(), "maxDailyLossPct", errors);
        LocalTime start = time(v.tradingHoursStart(), "tradingHoursStart", errors);
        LocalTime end = time(v.tradingHoursEnd(), "tradingHoursEnd", errors);
        ZoneId zone = null;
        try {
            zone = ZoneId.of(v.timeZone());
        } catch (RuntimeException e) {
            errors.add(new FieldError("timeZone", "not a time zone: " + v.timeZone()));
        }
        BigDecimal threshold = decimal(v.requireConfirmationAbove(), "requireConfirmationAbove", errors);
        BigDecimal trailing = v.trailingStopPct() == null || v.trailingStopPct().isBlank() ? null : decimal(v.trailingStopPct(), "trailingStopPct", errors);
        AutoTradingConfigView.SizingView sizing = v.sizing();
        SizingRule.Kind kind = sizing == null ? null : word(sizing.rule(), SizingRule.Kind.class, "sizing.rule",
                "FIXED_FRACTIONAL, ATR_MULTIPLE, VOLATILITY_TARGET or FIXED_AMOUNT", errors);
        BigDecimal riskPct = sizing == null ? null : optionalDecimal(sizing.riskPct(), "sizing.riskPct", errors);
        BigDecimal atrMultiple = sizing == null ? null : optionalDecimal(sizing.atrMultiple(), "sizing.atrMultiple", errors);
        BigDecimal targetVol = sizing == null ? null : optionalDecimal(sizing.targetDailyVolPct(), "sizing.targetDailyVolPct", errors);
        BigDecimal amount = sizing == null ? null : optionalDecimal(sizing.amount(), "sizing.amount", errors);
        if (!errors.isEmpty()) throw new DeskException.Invalid(errors);
        Money confirmAbove = Money.of(threshold);
        Duration timeout = Duration.ofSeconds(v.decisionTimeoutSeconds());
        List<io.quorum.engine.session.FieldError> problems = new ArrayList<>(AutoTradingConfig.problemsWith(maxPosition, maxLoss, v.maxTradesPerDay(), start, end, zone,
                confirmAbove, timeout, v.quorum(), trailing));
        SizingRule rule = SizingRule.defaultRule();
        if (kind != null) {
            try {
                rule = SizingRule.of(kind, riskPct, atrMultiple, targetVol, amount == null ? null : Money.of(amount));
            } catch (ConfigViolation refused) {
                problems.addAll(refused.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new DeskException.Invalid(problems.stream().map(p -> new FieldError(p.field(), p.message())).toList());
        }
        return new AutoTradingConfig(maxPosition, maxLoss, v.maxTradesPerDay(), start, end, zone, confirmAbove, timeout, v.quorum(), trailing, v.flattenOnMaxLoss(), rule);
    }

    /** The stops the user sent, or {@link DeskException.Invalid} with one error per field that is wrong. */
    static Protection protection(StopsChange change) {
        List<FieldError> errors = new ArrayList<>();
        Price stop = price(change.stopLoss(), "stopLoss", errors);
        Price target = price(change.takeProfit(), "takeProfit", errors);
        BigDecimal trailing = percent(change.trailingStopPct(), "trailingStopPct", errors);
        if (!errors.isEmpty()) throw new DeskException.Invalid(errors);
        return new Protection(stop, target, trailing);
    }

    /**
     * The ticket as the engine takes it, on the session's {@code ticker}. Each field the desk cannot
     * take is named: a side or type it does not know, a limit price on a market order or none on a
     * limit order, a target on the wrong side of the stop.
     */
    static OrderTicket ticket(Ticker ticker, OrderTicketView v) {
        List<FieldError> errors = new ArrayList<>();
        Side side = word(v.side(), Side.class, "side", "BUY or SELL", errors);
        OrderType type = word(v.type(), OrderType.class, "type", "MARKET or LIMIT", errors);
        if (type != null && type != OrderType.MARKET && type != OrderType.LIMIT) {
            errors.add(new FieldError("type", "the ticket sends MARKET or LIMIT orders"));
            type = null;
        }
        if (v.quantity() == null || v.quantity() <= 0) errors.add(new FieldError("quantity", "must be a whole number of shares above 0"));
        Price limit = price(v.limitPrice(), "limitPrice", errors);
        if (type == OrderType.LIMIT && limit == null && v.limitPrice() == null) errors.add(new FieldError("limitPrice", "is required for a LIMIT order"));
        if (type == OrderType.MARKET && v.limitPrice() != null) errors.add(new FieldError("limitPrice", "a MARKET order takes no limit price"));
        Price stop = price(v.stopLoss(), "stopLoss", errors);
        Price target = price(v.takeProfit(), "takeProfit", errors);
        if (side != null && stop != null && target != null && (side == Side.BUY ? !target.isAbove(stop) : !target.isBelow(stop))) {
            errors.add(new FieldError("takeProfit", side == Side.BUY ? "a buy's target must be above its stop-loss" : "a sale's target must be below its stop-loss"));
        }
        if (!errors.isEmpty()) throw new DeskException.Invalid(errors);
        return new OrderTicket(ticker, side, v.quantity(), type, limit, stop, target);
    }

    private static <E extends Enum<E>> E word(String text, Class<E> kind, String field, String expected, List<FieldError> errors) {
        if (text != null) {
            for (E value : kind.getEnumConstants()) {
                if (value.name().equals(text)) return value;
            }
        }
        errors.add(new FieldError(field, "must be " + expected));
        return null;
    }

    // ---- positions and confirmations -----------------------------------------------------------

    /** The session's positions and P&L as of {@code snapshot}; cash and equity are the account's. */
    /** A session's positions and P&L, with the equity and cash of the whole account, the same on every panel. */
    static PortfolioView portfolio(Optional<SessionSnapshot> part, Portfolio account) {
        List<PositionView> positions = new ArrayList<>();
        for (Position position : part.map(SessionSnapshot::positions).orElse(List.of())) positions.add(position(position));
        PnlSummary pnl = part.map(SessionSnapshot::pnl).orElse(PnlSummary.ZERO);
        return new PortfolioView(positions, pnl.daily().toString(), pnl.total().toString(), pnl.realised().toString(), pnl.unrealised().toString(),
                account.equity().toString(), account.cash().toString());
    }

    static PositionView position(Position p) {
        Protection protection = p.protection();
        return new PositionView(p.ticker().symbol(), p.direction(), p.quantity(), p.averageEntry().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                text(p.lastPrice()), text(p.trailingStop() != null && protection.stopLoss() == null ? p.trailingStop() : protection.stopLoss()),
                text(protection.takeProfit()), plain(protection.trailingStopPct()), p.openedAt(),
                p.unrealised().toString(), p.unrealisedPct().toPlainString(), p.realised().toString());
    }

    /**
     * A position as one journal entry left it. While the snapshot holds the same position (same
     * signed quantity) its P&L and opening time are shown; the entry's own terms (quantity, average
     * price, stops) always win, since the snapshot may be a batch behind the journal.
     */
    static PositionView position(JournalEvent.PositionChanged changed, Optional<SessionSnapshot> part, Optional<Price> last, Instant at) {
        String ticker = changed.ticker().symbol();
        if (changed.quantity() == 0) {
            return new PositionView(ticker, Direction.LONG, 0, text(changed.averagePrice()), null, null, null, null, at, "0.00", "0.00", "0.00");
        }
        Direction direction = changed.quantity() > 0 ? Direction.LONG : Direction.SHORT;
        Optional<Position> held = part.flatMap(s -> s.position(changed.ticker())).filter(p -> p.signedQuantity() == changed.quantity());
        Price price = last.orElse(null);
        String unrealised = held.map(p -> p.unrealised().toString())
                .orElseGet(() -> price == null ? "0.00" : price.times(changed.quantity()).minus(changed.averagePrice().times(changed.quantity())).toString());
        String entry = changed.averagePrice().toBigDecimal().setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        return new PositionView(ticker, direction, Math.abs(changed.quantity()), entry, text(price),
                text(changed.stop()), text(changed.target()), plain(changed.trailingStopPct()), held.map(Position::openedAt).orElse(at),
                unrealised, held.map(p -> p.unrealisedPct().toPlainString()).orElse("0.00"), held.map(p -> p.realised().toString()).orElse("0.00"));
    }

    static ConfirmationView confirmation(PendingConfirmation c, String status) {
        return new ConfirmationView(c.id(), c.proposalId().toString(), c.order().ticker().symbol(), c.order().side(), c.order().quantity(),
                c.notional().toString(), c.expiresAt(), status);
    }

    // ---- history -------------------------------------------------------------------------------

    static DecisionEntry decision(DecisionRecord r) {
        Tally t = r.tally();
        List<DecisionEntry.VoteView> votes = new ArrayList<>();
        for (RecordedVote vote : r.votes()) votes.add(new DecisionEntry.VoteView(vote.voter(), vote.choice(), vote.reason(), vote.received()));
        List<DecisionEntry.OrderView> orders = new ArrayList<>();
        for (OrderTrail order : r.orders()) {
            List<DecisionEntry.FillView> fills = new ArrayList<>();
            for (Fill fill : order.fills()) fills.add(new DecisionEntry.FillView(fill.price().toString(), fill.quantity(), fill.time()));
            OrderRequest asked = order.request();
            orders.add(new DecisionEntry.OrderView(order.clientOrderId().value(), asked == null ? null : asked.side(), asked == null ? null : asked.quantity(),
                    order.rejected() ? "REJECTED" : order.status() == null ? "INTENDED" : order.status().name(),
                    order.rejected() ? order.rejectReason().sentence() + " (" + order.rejectDetail() + ")" : null, fills));
        }
        Proposal terms = r.terms();
        return new DecisionEntry(r.journalSeq(), r.time(), r.proposalId().toString(), terms.ticker().symbol(), terms.action(), r.outcome(),
                new DecisionEntry.TallyView(t.approvals(), t.rejections(), t.abstentions(), t.vetoed(), t.quorum(), t.voters()), votes,
                proposal(terms, terms.entry(), 0), r.decision().text(), orders);
    }

    /** A journaled message; {@code seq} is the journal's, not the bus's. */
    static AgentMessageView message(long journalSeq, AgentMessage message) {
        @SuppressWarnings("unchecked")
        Map<String, Object> content = CONTENT.convertValue(MessageJson.toTree(message).get("content"), Map.class);
        return new AgentMessageView(message.id().toString(), journalSeq, message.sender(), AgentMessageView.RecipientsView.of(message.recipients()),
                message.type(), content, message.timestamp(), message.replyTo() == null ? null : message.replyTo().toString(),
                message.requiresResponse(), message.responseTimeout());
    }

    static AgentActivityView activity(AgentActivity activity) {
        String work = activity.work().name();
        return switch (activity) {
            case AgentActivity.Started started -> new AgentActivityView(started.role(), work, "STARTED", started.subject(), null, null, null);
            case AgentActivity.Drafting drafting -> new AgentActivityView(drafting.role(), work, "DRAFTING", null, drafting.text(), null, null);
            case AgentActivity.Done done -> new AgentActivityView(done.role(), work, "DONE", null, null, null, null);
            case AgentActivity.FellBack fellBack -> new AgentActivityView(fellBack.role(), work, "FELL_BACK", null, null,
                    fellBack.outcome() == null ? null : fellBack.outcome().name(), fellBack.why());
        };
    }

    static AlertView alert(long journalSeq, Instant time, Alert alert) {
        return new AlertView(journalSeq, time, alert.kind(), alert.severity(), alert.ticker() == null ? null : alert.ticker().symbol(), alert.text());
    }

    static TradeFill fill(SessionId session, Instant time, Execution execution) {
        return new TradeFill(session, time, execution.clientOrderId(), execution.ticker(), execution.side(), execution.quantity(),
                BigDecimal.valueOf(execution.price().micros(), Price.SCALE), execution.reason(), execution.cause());
    }

    static BarView bar(Bar bar) {
        return new BarView(bar.start().getEpochSecond(), money(bar.openMicros()), money(bar.highMicros()), money(bar.lowMicros()),
                money(bar.closeMicros()), bar.volume());
    }

    static String money(long micros) { return Price.ofMicros(micros).toString(); }

    // ---- parsing -------------------------------------------------------------------------------

    private static Price price(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) return null;
        try {
            return Price.parse(text);
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "not a positive price: " + text));
            return null;
        }
    }

    private static BigDecimal percent(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) return null;
        BigDecimal value = decimal(text, field, errors);
        if (value != null && (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(50)) > 0)) {
            errors.add(new FieldError(field, "must be above 0 and at most 50, was " + text));
            return null;
        }
        return value;
    }

    private static BigDecimal optionalDecimal(String text, String field, List<FieldError> errors) {
        return text == null || text.isBlank() ? null : decimal(text, field, errors);
    }

    private static BigDecimal decimal(String text, String field, List<FieldError> errors) {
        try {
            return new BigDecimal(text);
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "not a number: " + text));
            return null;
        }
    }

    private static LocalTime time(String text, String field, List<FieldError> errors) {
        try {
            return LocalTime.parse(text);
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "not a time of day (HH:mm): " + text));
            return null;
        }
    }

    private static String text(Price price) { return price == null ? null : price.toString(); }

    private static String plain(BigDecimal value) { return value == null ? null : value.toPlainString(); }
}
