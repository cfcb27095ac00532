package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.decision.DecisionLog;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.simulation.ScriptedPrices;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The limits in force are the ones the RiskEngine reads when each order is made: a change applies
 * to the very next order, and a trade the user confirms is checked again as if it were new.
 */
class LimitsInForceScenarioTest {

    /** One limit changed after the session's first order, as the user would in the limits panel. */
    private static UnaryOperator<AutoTradingConfig> change(String limit) {
        return c -> switch (limit) {
            case "max position 1%" -> new AutoTradingConfig(BigDecimal.ONE, c.maxDailyLossPct(), c.maxTradesPerDay(), c.tradingHoursStart(), c.tradingHoursEnd(),
                    c.timeZone(), c.requireConfirmationAbove(), c.decisionTimeout(), c.quorum(), c.trailingStopPct(), c.flattenOnMaxLoss());
            case "max daily loss 0.01%" -> new AutoTradingConfig(c.maxPositionPct(), new BigDecimal("0.01"), c.maxTradesPerDay(), c.tradingHoursStart(),
                    c.tradingHoursEnd(), c.timeZone(), c.requireConfirmationAbove(), c.decisionTimeout(), c.quorum(), c.trailingStopPct(), c.flattenOnMaxLoss());
            case "1 trade a day" -> new AutoTradingConfig(c.maxPositionPct(), c.maxDailyLossPct(), 1, c.tradingHoursStart(), c.tradingHoursEnd(),
                    c.timeZone(), c.requireConfirmationAbove(), c.decisionTimeout(), c.quorum(), c.trailingStopPct(), c.flattenOnMaxLoss());
            case "0 trades a day" -> new AutoTradingConfig(c.maxPositionPct(), c.maxDailyLossPct(), 0, c.tradingHoursStart(), c.tradingHoursEnd(),
                    c.timeZone(), c.requireConfirmationAbove(), c.decisionTimeout(), c.quorum(), c.trailingStopPct(), c.flattenOnMaxLoss());
            case "trading until 09:31" -> new AutoTradingConfig(c.maxPositionPct(), c.maxDailyLossPct(), c.maxTradesPerDay(), c.tradingHoursStart(),
                    LocalTime.of(9, 31), c.timeZone(), c.requireConfirmationAbove(), c.decisionTimeout(), c.quorum(), c.trailingStopPct(), c.flattenOnMaxLoss());
            default -> throw new IllegalArgumentException(limit);
        };
    }

    /** Another approved decision of the desk: buy 20 more NVDA. */
    private static Proposal buyMore() {
        return new Proposal(ProposalId.random(), TradeAction.INCREASE, NVDA, Direction.LONG, Size.shares(20), Price.parse("99.50"),
                Price.parse("95.00"), Price.parse("106.00"), null, "more of a good thing", "Buy 20 more NVDA");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "max position 1%,       MAX_POSITION_EXCEEDED",
            "max daily loss 0.01%,  MAX_DAILY_LOSS",
            "1 trade a day,         MAX_TRADES_PER_DAY",
            "0 trades a day,        MAX_TRADES_PER_DAY",
            "trading until 09:31,   OUTSIDE_TRADING_HOURS"})
    void a_limit_changed_after_the_first_order_applies_to_the_next_one(String limit, RejectReason refusal) {
        // A small slide after the first fill, so that the day shows a loss.
        ScriptedPrices prices = ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(6)).moveTo("99.50", Duration.ofMinutes(1));
        try (DeskFixture desk = DeskFixture.on(prices).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            desk.advance(Duration.ofMinutes(2));
            Proposal more = buyMore();

            desk.desk.loop().run(() -> {
                session.reconfigure(change(limit).apply(session.config()), USER);
                desk.desk.execution().execute(session, more, false, "approved by the desk");
            });

            assertNeverSent(desk, DecisionLog.decisionOrderId(more.id()));
            assertThat(rejections(desk, session)).last().isEqualTo(refusal);
            assertThat(desk.orderAlerts(session)).last().satisfies(text -> assertThat(text).contains(refusal.sentence()));
        }
    }

    @ParameterizedTest(name = "a lower threshold holds the next trade for the user: confirm above ${0}")
    @CsvSource({"1", "500"})
    void a_lower_confirmation_threshold_applies_to_the_next_trade(long dollars) {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            AutoTradingConfig c = session.config();
            session.reconfigure(new AutoTradingConfig(c.maxPositionPct(), c.maxDailyLossPct(), c.maxTradesPerDay(), c.tradingHoursStart(), c.tradingHoursEnd(),
                    c.timeZone(), Money.ofDollars(dollars), c.decisionTimeout(), c.quorum(), c.trailingStopPct(), c.flattenOnMaxLoss()), USER);

            Proposal more = buyMore();
            desk.desk.loop().run(() -> desk.desk.execution().execute(session, more, false, "approved by the desk"));

            assertThat(desk.desk.confirmations(session.id())).singleElement().satisfies(waiting -> assertThat(waiting.order().quantity()).isEqualTo(20));
            assertNeverSent(desk, DecisionLog.decisionOrderId(more.id()));
        }
    }

    @ParameterizedTest(name = "confirmed {0}")
    @CsvSource({
            "after its limit was lowered,               MAX_POSITION_EXCEEDED",
            "after the session turned reduce-only,      REDUCE_ONLY",
            "after the user's trading hours had ended,  OUTSIDE_TRADING_HOURS"})
    void a_trade_confirmed_after_things_changed_is_checked_again_and_refused(String when, RejectReason refusal) {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).confirmAbove(1_000, Duration.ofMinutes(10))
                .tradingHoursEnd(LocalTime.of(9, 40)).build()) {
            DeskSession session = tradeWaitingForConfirmation(desk);
            PendingConfirmation waiting = desk.desk.confirmations(session.id()).getFirst();

            switch (refusal) {
                case MAX_POSITION_EXCEEDED -> session.reconfigure(change("max position 1%").apply(session.config()), USER);
                case REDUCE_ONLY -> desk.desk.loop().run(() -> desk.desk.execution().reduceOnly(session.id(), "the broker reports another position"));
                case OUTSIDE_TRADING_HOURS -> desk.advance(Duration.ofMinutes(6));
                default -> throw new IllegalArgumentException(when);
            }
            ConfirmationAnswer answered = desk.desk.confirm(session.id(), waiting.id(), true, USER);

            assertThat(answered).isInstanceOf(ConfirmationAnswer.Taken.class);
            assertNeverSent(desk, waiting.order().clientOrderId());
            assertThat(rejections(desk, session)).last().isEqualTo(refusal);
            assertThat(desk.orderAlerts(session)).last().satisfies(text -> assertThat(text).contains("No trade: BUY 20 NVDA").contains(refusal.sentence()));
        }
    }

    @ParameterizedTest(name = "confirmed after {0}")
    @CsvSource({"auto-trading was switched off", "the session stopped"})
    void a_trade_waiting_when_the_desk_loses_its_authority_is_dropped_and_a_late_confirmation_places_nothing(String what) {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).confirmAbove(1_000, Duration.ofMinutes(10)).build()) {
            DeskSession session = tradeWaitingForConfirmation(desk);
            PendingConfirmation waiting = desk.desk.confirmations(session.id()).getFirst();

            if (what.startsWith("auto")) session.disableAutoTrading(USER);
            else session.stop(io.quorum.engine.session.StopReason.USER, USER);
            ConfirmationAnswer answered = desk.desk.confirm(session.id(), waiting.id(), true, USER);

            assertThat(answered).as("nothing is waiting any more").isInstanceOfSatisfying(ConfirmationAnswer.Ended.class,
                    ended -> assertThat(ended.why()).isEqualTo(what.startsWith("auto") ? "auto-trading was switched off" : "the session stopped"));
            assertNeverSent(desk, waiting.order().clientOrderId());
            assertThat(rejections(desk, session)).last().isEqualTo(RejectReason.AUTO_TRADING_DISABLED);
        }
    }

    @Test
    void a_second_answer_to_a_waiting_trade_hears_who_answered_first_and_places_nothing() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).confirmAbove(1_000, Duration.ofMinutes(10)).build()) {
            DeskSession session = tradeWaitingForConfirmation(desk);
            PendingConfirmation waiting = desk.desk.confirmations(session.id()).getFirst();

            ConfirmationAnswer first = desk.desk.confirm(session.id(), waiting.id(), false, "bob");
            ConfirmationAnswer second = desk.desk.confirm(session.id(), waiting.id(), true, USER);

            assertThat(first).isInstanceOf(ConfirmationAnswer.Taken.class);
            assertThat(second).isEqualTo(new ConfirmationAnswer.AnsweredBefore("declined by bob"));
            assertNeverSent(desk, waiting.order().clientOrderId());
        }
    }

    /** Auto-trading, with the desk's next trade (above the threshold) waiting for the user. */
    private static DeskSession tradeWaitingForConfirmation(DeskFixture desk) {
        desk.advance(Duration.ofMinutes(5));
        DeskSession session = desk.autoTrading();
        desk.awaitSaid(session, tradeExecuted());
        desk.desk.loop().run(() -> desk.desk.execution().execute(session, buyMore(), false, "approved by the desk"));
        return session;
    }

    /** The desk's own signals may trade meanwhile; what matters is that this order never reached the broker. */
    private static void assertNeverSent(DeskFixture desk, ClientOrderId order) {
        assertThat(desk.broker.submitted()).as("never sent").noneSatisfy(sent -> assertThat(sent.clientOrderId()).isEqualTo(order));
    }

    private static List<RejectReason> rejections(DeskFixture desk, DeskSession session) {
        return desk.journal(session).stream().filter(JournalEvent.OrderRejected.class::isInstance)
                .map(e -> ((JournalEvent.OrderRejected) e).reason()).toList();
    }
}
