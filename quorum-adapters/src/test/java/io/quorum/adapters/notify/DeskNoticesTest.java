package io.quorum.adapters.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Execution;
import io.quorum.engine.message.Payload;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Update;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.money.Price;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeskNoticesTest {
    private static final SessionId DESK = SessionId.of("desk-1");
    private static final Ticker AAPL = Ticker.of("AAPL");
    private final DeskNotices notices = new DeskNotices(URI.create("https://desk.example.com"));

    private static JournalEntry entry(JournalEvent event) { return new JournalEntry(DESK, 7, Instant.parse("2026-12-01T15:00:00Z"), event, "hash"); }

    private static JournalEntry said(Payload payload) {
        AgentMessage message = AgentMessage.draft(DESK, AgentRole.EXECUTION, Recipients.all(), payload, Instant.parse("2026-12-01T15:00:00Z")).sequenced(7);
        return entry(new JournalEvent.MessageJournaled(message));
    }

    private static JournalEntry executed(OrderCause cause, String text) {
        return said(new Update(Update.UpdateKind.TRADE_EXECUTED, AAPL,
                new Execution("q-1", AAPL, Side.SELL, 10, Price.parse("187.20"), "the stop-loss was hit", cause), text));
    }

    private Notice noticeOf(JournalEntry entry) {
        Optional<Notice> notice = notices.of(entry);
        assertThat(notice).isPresent();
        return notice.get();
    }

    @Test
    void a_fill_of_a_stop_loss_is_an_exit_in_the_executions_own_words() {
        Notice notice = noticeOf(executed(OrderCause.STOP_LOSS, "Sold 10 AAPL at $187.20 (the stop-loss was hit); position closed."));

        assertThat(notice.kind()).isEqualTo(NoticeKind.EXIT);
        assertThat(notice.sentence()).isEqualTo("desk-1: Sold 10 AAPL at $187.20 (the stop-loss was hit); position closed.");
    }

    @Test
    void a_fill_of_a_decision_is_a_trade() {
        assertThat(noticeOf(executed(OrderCause.DECISION, "Bought 10 AAPL at $187.20 (the desk voted 4 to 1); now long 10.")).kind()).isEqualTo(NoticeKind.TRADE);
    }

    @Test
    void an_order_the_limits_refused_is_a_limit_breach_and_one_the_broker_refused_is_a_fault() {
        Notice limit = noticeOf(entry(new JournalEvent.OrderRejected(ClientOrderId.of("q-2"), RejectReason.MAX_DAILY_LOSS, "down $2,100 today")));
        Notice broker = noticeOf(entry(new JournalEvent.OrderRejected(ClientOrderId.of("q-3"), RejectReason.PATTERN_DAY_TRADER, "40310100")));

        assertThat(limit.kind()).isEqualTo(NoticeKind.LIMIT);
        assertThat(limit.text()).isEqualTo("order q-2 refused by the desk's limits: the daily loss limit has been hit (down $2,100 today).");
        assertThat(broker.kind()).isEqualTo(NoticeKind.FAULT);
        assertThat(broker.text()).startsWith("order q-3 refused by the broker: the broker's pattern day trader rule");
    }

    @Test
    void the_users_own_answer_to_a_confirmation_notifies_no_one() {
        assertThat(notices.of(entry(new JournalEvent.OrderRejected(ClientOrderId.of("q-4"), RejectReason.CONFIRMATION_DENIED, "declined by alice")))).isEmpty();
    }

    @Test
    void a_halt_says_the_new_state_the_old_one_and_why() {
        Notice notice = noticeOf(entry(new JournalEvent.TradingStateChanged("ACTIVE", "HALTED", "the daily loss limit was hit")));

        assertThat(notice.kind()).isEqualTo(NoticeKind.TRADING_STATE);
        assertThat(notice.text()).isEqualTo("trading is HALTED (was ACTIVE): the daily loss limit was hit.");
    }

    @Test
    void switching_auto_trading_off_is_the_kill_switch() {
        Notice notice = noticeOf(entry(new JournalEvent.UserAction("alice", JournalEvent.UserAction.Action.DISABLE_AUTO_TRADING, "")));

        assertThat(notice.kind()).isEqualTo(NoticeKind.KILL_SWITCH);
        assertThat(notice.text()).isEqualTo("auto-trading switched off by alice.");
    }

    @Test
    void stale_prices_are_a_fault() {
        assertThat(noticeOf(said(new Alert(Alert.AlertKind.STALE_MARKET_DATA, Alert.Severity.WARNING, AAPL, "No price for AAPL for 90 s."))).kind())
                .isEqualTo(NoticeKind.FAULT);
    }

    @Test
    void a_trade_waiting_for_confirmation_links_to_the_desk() {
        Notice notice = noticeOf(said(Update.of(Update.UpdateKind.CONFIRMATION_REQUESTED, AAPL,
                "Waiting for your confirmation: BUY 100 AAPL ($18,720.00) is above your $10000 threshold. No answer within 120 s means no trade.")));

        assertThat(notice.kind()).isEqualTo(NoticeKind.CONFIRMATION);
        assertThat(notice.text()).endsWith("Answer at https://desk.example.com");
    }

    @Test
    void the_debate_itself_notifies_no_one() {
        assertThat(notices.of(said(Update.of(Update.UpdateKind.REASONING, AAPL, "RSI is 71, overbought.")))).isEmpty();
        assertThat(notices.of(entry(new JournalEvent.ConfigChanged(Map.of("maxPositionPct", "25"))))).isEmpty();
    }

    @Test
    void a_problem_the_desk_survived_is_a_fault_of_the_whole_desk() {
        Notice notice = notices.ofProblem(null, "the journal cannot be written: disk full");

        assertThat(notice.kind()).isEqualTo(NoticeKind.FAULT);
        assertThat(notice.sentence()).isEqualTo("Quorum: the journal cannot be written: disk full");
    }
}
