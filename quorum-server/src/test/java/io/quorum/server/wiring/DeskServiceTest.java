package io.quorum.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.order.RejectReason;
import io.quorum.server.api.Actor;
import io.quorum.server.api.AgentActivityView;
import io.quorum.server.api.AgentMessageView;
import io.quorum.server.api.AlertView;
import io.quorum.server.api.AutoTradingConfigView;
import io.quorum.server.api.DecisionEntry;
import io.quorum.server.api.DecisionFilter;
import io.quorum.server.api.DeskException;
import io.quorum.server.api.MessageFilter;
import io.quorum.server.api.OrderTicketView;
import io.quorum.server.api.Paging;
import io.quorum.server.api.SessionView;
import io.quorum.server.api.StreamEvent;
import io.quorum.server.api.StreamEventType;
import io.quorum.server.api.Subscription;
import io.quorum.server.api.TickerSearchView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real desk behind {@link DeskService}: its queries agree with the journal, and its stream is the journal, frame by frame. */
class DeskServiceTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Actor USER = new Actor("user", "test");

    private EmbeddedDesk embedded;
    private DeskService service;
    private SessionId session;

    @BeforeEach
    void open_a_session_and_wait_for_its_proposal() {
        embedded = new EmbeddedDesk(42, 60, null, null, DeskSettings.defaults());
        service = new DeskService(embedded.desk(), embedded.journal());
        embedded.start();
        session = SessionId.of(service.createSession(Ticker.of("AAPL"), USER).id());
        await().atMost(PATIENCE).until(() -> service.session(session).state().equals("PROPOSAL"));
    }

    @AfterEach
    void close() {
        service.close();
        embedded.close();
    }

    @Test
    void a_ticker_the_market_does_not_have_is_refused_with_the_markets_answer_and_opens_no_session() {
        int before = service.sessions().size();

        assertThatThrownBy(() -> service.createSession(Ticker.of("ZZZZQ"), USER))
                .isInstanceOfSatisfying(DeskException.Invalid.class, invalid -> assertThat(invalid.errors()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("ticker"))
                        .satisfies(error -> assertThat(error.message()).startsWith("no market data for ZZZZQ: not among this market's tickers [")));
        assertThat(service.sessions()).hasSize(before);
    }

    @Test
    void a_ticker_added_to_the_watchlist_shows_on_the_session_and_in_its_stream_and_the_sessions_own_ticker_is_never_taken_off() {
        SessionView watched = service.watch(session, Ticker.of("MSFT"), USER);

        assertThat(watched.watchlist()).containsExactly("AAPL", "MSFT");
        assertThat(service.session(session).watchlist()).containsExactly("AAPL", "MSFT");
        assertThat(service.events(session, 0, 10_000)).filteredOn(event -> event.type() == StreamEventType.STATUS).last()
                .satisfies(status -> assertThat(((SessionView) status.data()).watchlist()).containsExactly("AAPL", "MSFT"));
        assertThatThrownBy(() -> service.watch(session, Ticker.of("ZZZZQ"), USER)).isInstanceOf(DeskException.Invalid.class);
        assertThatThrownBy(() -> service.unwatch(session, Ticker.of("AAPL"), USER)).isInstanceOfSatisfying(DeskException.Conflict.class,
                conflict -> assertThat(conflict.getMessage()).isEqualTo("AAPL is the session's own ticker, which it watches for as long as it runs"));
        assertThat(service.placeOrder(session, new OrderTicketView("BUY", 5L, "MARKET", null, null, null, "MSFT"), USER).sentence())
                .as("the ticket trades a watched ticker; with auto-trading off the RiskEngine refuses it").contains("auto-trading");
        assertThat(service.unwatch(session, Ticker.of("MSFT"), USER).watchlist()).containsExactly("AAPL");
        assertThatThrownBy(() -> service.placeOrder(session, new OrderTicketView("BUY", 5L, "MARKET", null, null, null, "MSFT"), USER))
                .isInstanceOfSatisfying(DeskException.Invalid.class, invalid -> assertThat(invalid.errors()).singleElement()
                        .satisfies(error -> assertThat(error.message()).isEqualTo("MSFT is not on the session's watchlist; add it first")));
    }

    @Test
    void the_ticker_search_offers_the_markets_symbols_that_match() {
        assertThat(service.searchTickers("aa", 10).tickers()).extracting(TickerSearchView.Match::symbol).containsExactly("AAPL");
        assertThat(service.searchTickers("QQQQQ", 10).tickers()).isEmpty();
    }

    @Test
    void a_page_of_messages_from_the_index_is_the_page_a_scan_of_the_journal_finds() {
        List<Long> technical = journaledMessages().stream().filter(e -> message(e).sender() == AgentRole.TECHNICAL).map(JournalEntry::seq).toList();
        assertThat(technical).hasSizeGreaterThan(2);

        assertThat(seqs(service.messages(session, 0, 1_000, MessageFilter.NONE).items()))
                .isEqualTo(journaledMessages().stream().map(JournalEntry::seq).toList());
        assertThat(seqs(service.messages(session, 0, 2, new MessageFilter(AgentRole.TECHNICAL, null)).items())).isEqualTo(technical.subList(0, 2));
        assertThat(seqs(service.messages(session, technical.get(1), 1_000, new MessageFilter(AgentRole.TECHNICAL, null)).items()))
                .isEqualTo(technical.subList(2, technical.size()));
    }

    @Test
    void the_replay_sends_each_shown_entry_once_in_its_own_frame_type() {
        List<StreamEvent> replay = service.events(session, 0, 10_000);

        assertThat(replay).extracting(StreamEvent::seq).isSorted().doesNotHaveDuplicates();
        assertThat(replay).extracting(StreamEvent::type)
                .contains(StreamEventType.REASONING, StreamEventType.COMPLETE, StreamEventType.PROPOSAL, StreamEventType.STATUS)
                .doesNotContain(StreamEventType.POSITION_UPDATE, StreamEventType.HEARTBEAT);
        List<StreamEvent> messages = replay.stream().filter(e -> e.data() instanceof AgentMessageView).toList();
        assertThat(messages).extracting(StreamEvent::seq).isEqualTo(journaledMessages().stream().map(JournalEntry::seq).toList());
        for (StreamEvent event : messages) {
            AgentMessage journaled = message(journaledMessages().stream().filter(e -> e.seq() == event.seq()).findFirst().orElseThrow());
            assertThat(event.type()).as("seq %d", event.seq()).isEqualTo(StreamHub.typeOf(journaled));
        }
    }

    @Test
    void a_subscriber_hears_live_what_a_later_replay_reads_from_the_journal() {
        List<StreamEvent> live = rejectAndHearUntil(StreamEventType.COMPLETE);
        List<StreamEvent> journaled = live.stream().filter(e -> e.type().isJournaled()).toList();
        long first = journaled.getFirst().seq();
        long last = journaled.getLast().seq();
        List<StreamEvent> replay = service.events(session, first - 1, 10_000).stream().filter(e -> e.seq() <= last).toList();

        assertThat(journaled).extracting(StreamEvent::seq).isEqualTo(replay.stream().map(StreamEvent::seq).toList());
        assertThat(journaled).extracting(StreamEvent::type).isEqualTo(replay.stream().map(StreamEvent::type).toList());
    }

    @Test
    void a_subscriber_sees_each_agent_start_and_finish_its_analysis_and_its_vote_in_activity_frames_that_are_not_journaled() {
        List<StreamEvent> live = rejectAndHearUntil(StreamEventType.DECISION);
        List<AgentActivityView> activity = live.stream().filter(e -> e.type() == StreamEventType.AGENT_ACTIVITY).map(e -> (AgentActivityView) e.data()).toList();

        for (AgentRole role : AgentRole.VOTERS) {
            assertThat(activity).as(role + "'s analysis").filteredOn(a -> a.role() == role && a.work().equals("ANALYSIS"))
                    .extracting(AgentActivityView::state).containsExactly("STARTED", "DONE");
        }
        assertThat(activity).filteredOn(a -> a.work().equals("VOTE") && a.state().equals("STARTED")).isNotEmpty()
                .allSatisfy(started -> assertThat(activity).filteredOn(a -> a.role() == started.role() && a.work().equals("VOTE"))
                        .extracting(AgentActivityView::state).containsExactly("STARTED", "DONE"));
        assertThat(StreamEventType.AGENT_ACTIVITY.isJournaled()).isFalse();
        assertThat(service.session(session).models()).as("the embedded desk votes by its rules").isEqualTo(SessionView.Models.NONE);
    }

    /** What a subscriber hears live after the user rejects the proposal shown, up to the first frame of type {@code until}. */
    private List<StreamEvent> rejectAndHearUntil(StreamEventType until) {
        List<StreamEvent> live = new CopyOnWriteArrayList<>();
        try (Subscription ignored = service.subscribe(session, live::add)) {
            String proposal = service.session(session).proposal().id();
            service.reject(session, ProposalId.parse(proposal), "stop too wide", USER);
            await().atMost(PATIENCE).until(() -> live.stream().anyMatch(e -> e.type() == until));
        }
        return live;
    }

    @Test
    void a_sizing_rule_sent_with_the_limits_is_served_back_and_journaled_with_the_config() {
        AutoTradingConfigView byAtr = sizedBy(service.config(session), new AutoTradingConfigView.SizingView("ATR_MULTIPLE", "0.5", "2", null, null));

        AutoTradingConfigView served = service.updateConfig(session, byAtr, USER);

        assertThat(served.sizing()).isEqualTo(new AutoTradingConfigView.SizingView("ATR_MULTIPLE", "0.5", "2", null, null));
        assertThat(service.config(session).sizing()).isEqualTo(served.sizing());
        JournalEvent.ConfigChanged changed = embedded.journal().read(session, 0, Integer.MAX_VALUE).stream().map(JournalEntry::event)
                .filter(JournalEvent.ConfigChanged.class::isInstance).map(JournalEvent.ConfigChanged.class::cast).reduce((first, last) -> last).orElseThrow();
        assertThat(changed.fields()).containsEntry("sizing.rule", "ATR_MULTIPLE").containsEntry("sizing.riskPct", "0.5").containsEntry("sizing.atrMultiple", "2");
    }

    @Test
    void a_sizing_rule_without_its_input_or_beyond_its_bound_is_refused_under_the_inputs_name_and_changes_nothing() {
        AutoTradingConfigView before = service.config(session);

        assertThatThrownBy(() -> service.updateConfig(session, sizedBy(before, new AutoTradingConfigView.SizingView("FIXED_AMOUNT", null, null, null, null)), USER))
                .isInstanceOfSatisfying(DeskException.Invalid.class, invalid -> assertThat(invalid.errors()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("sizing.amount")));
        assertThatThrownBy(() -> service.updateConfig(session, sizedBy(before, new AutoTradingConfigView.SizingView("VOLATILITY_TARGET", null, null, "50", null)), USER))
                .isInstanceOfSatisfying(DeskException.Invalid.class, invalid -> assertThat(invalid.errors()).singleElement()
                        .satisfies(error -> assertThat(error.toString()).contains("sizing.targetDailyVolPct").contains("at most 10 %, was 50")));
        assertThat(service.config(session)).isEqualTo(before);
        assertThat(before.sizing()).as("a session sizes by the default rule until told otherwise")
                .isEqualTo(new AutoTradingConfigView.SizingView("FIXED_FRACTIONAL", "1", null, null, null));
    }

    private static AutoTradingConfigView sizedBy(AutoTradingConfigView config, AutoTradingConfigView.SizingView sizing) {
        return new AutoTradingConfigView(config.maxPositionPct(), config.maxDailyLossPct(), config.maxTradesPerDay(), config.tradingHoursStart(),
                config.tradingHoursEnd(), config.timeZone(), config.requireConfirmationAbove(), config.decisionTimeoutSeconds(), config.quorum(),
                config.trailingStopPct(), config.flattenOnMaxLoss(), sizing);
    }

    @Test
    void a_decision_whose_order_the_desk_refused_before_sending_reads_in_the_log_with_its_refusal() {
        AutoTradingConfigView config = service.config(session);
        service.updateConfig(session, new AutoTradingConfigView(config.maxPositionPct(), config.maxDailyLossPct(), 0, config.tradingHoursStart(),
                config.tradingHoursEnd(), config.timeZone(), config.requireConfirmationAbove(), config.decisionTimeoutSeconds(), config.quorum(),
                config.trailingStopPct(), config.flattenOnMaxLoss(), config.sizing()), USER);

        service.approve(session, ProposalId.parse(service.session(session).proposal().id()), USER);

        await().atMost(PATIENCE).until(() -> service.decisions(session, DecisionFilter.NONE, new Paging(50, 0)).items().stream()
                .anyMatch(decision -> !decision.orders().isEmpty()));
        DecisionEntry.OrderView refused = service.decisions(session, DecisionFilter.NONE, new Paging(50, 0)).items().stream()
                .flatMap(decision -> decision.orders().stream()).findFirst().orElseThrow();
        assertThat(refused.status()).isEqualTo("REJECTED");
        assertThat(refused.side()).as("never sent: only its refusal is on record").isNull();
        assertThat(refused.quantity()).isNull();
        assertThat(refused.refusal()).startsWith(RejectReason.MAX_TRADES_PER_DAY.sentence());
    }

    @Test
    void a_change_of_limits_is_streamed_as_a_status_frame_carrying_the_new_config() {
        List<StreamEvent> live = new CopyOnWriteArrayList<>();
        AutoTradingConfigView config = service.config(session);
        AutoTradingConfigView fewerTrades = new AutoTradingConfigView(config.maxPositionPct(), config.maxDailyLossPct(), 2, config.tradingHoursStart(),
                config.tradingHoursEnd(), config.timeZone(), config.requireConfirmationAbove(), config.decisionTimeoutSeconds(), config.quorum(),
                config.trailingStopPct(), config.flattenOnMaxLoss());
        try (Subscription ignored = service.subscribe(session, live::add)) {
            service.updateConfig(session, fewerTrades, USER);
            await().atMost(PATIENCE).until(() -> live.stream().anyMatch(e -> e.data() instanceof SessionView v && v.config().maxTradesPerDay() == 2));
        }
        StreamEvent status = live.stream().filter(e -> e.data() instanceof SessionView v && v.config().maxTradesPerDay() == 2).findFirst().orElseThrow();

        assertThat(status.type()).isEqualTo(StreamEventType.STATUS);
        assertThat(embedded.journal().read(session, status.seq() - 1, 1).getFirst().event()).isInstanceOf(JournalEvent.ConfigChanged.class);
    }

    @Test
    void a_service_opened_again_on_the_same_journal_rebuilds_the_same_history() {
        List<Long> before = seqs(service.messages(session, 0, 1_000, MessageFilter.NONE).items());
        List<AlertView> alertsBefore = service.alerts(session);

        try (DeskService restarted = new DeskService(embedded.desk(), embedded.journal())) {
            List<Long> after = seqs(restarted.messages(session, 0, 1_000, MessageFilter.NONE).items());
            assertThat(after).startsWith(before.toArray(Long[]::new));
            assertThat(restarted.alerts(session)).startsWith(alertsBefore.toArray(AlertView[]::new));
        }
    }

    private List<JournalEntry> journaledMessages() {
        List<JournalEntry> messages = new ArrayList<>();
        for (JournalEntry entry : embedded.journal().read(session, 0, 100_000)) {
            if (entry.event() instanceof JournalEvent.MessageJournaled) messages.add(entry);
        }
        return messages;
    }

    private static AgentMessage message(JournalEntry entry) { return ((JournalEvent.MessageJournaled) entry.event()).message(); }

    private static List<Long> seqs(List<AgentMessageView> items) { return items.stream().map(AgentMessageView::seq).toList(); }
}
