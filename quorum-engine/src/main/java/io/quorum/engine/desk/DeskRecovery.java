package io.quorum.engine.desk;

import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Tally;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.port.Journal;
import io.quorum.engine.position.Protection;
import io.quorum.engine.session.ConfigFields;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.session.StopReason;
import io.quorum.engine.session.TradingSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds the desk from its journal after a stop or a crash, before the first tick is handled.
 *
 * <p>For each session: its ticker, limits, state and switch as last journaled; its positions from
 * the fills, with their stops re-armed; the proposal on the card. Proposals still being voted on
 * when the process died are CANCELLED with reason "restart", never executed late. An order whose
 * intent was journaled but whose outcome was not is looked up at the broker by its client order
 * id, never sent again: found, its fills are taken in; not found, it never left and is recorded as
 * not placed. Fills the broker made that the journal missed are taken in too.
 */
final class DeskRecovery {
    private static final int PAGE = 1_000;

    private final Desk desk;

    DeskRecovery(Desk desk) { this.desk = desk; }

    /** What the journal says about one session, read in one pass. */
    private static final class SessionHistory {
        Ticker ticker;
        /** The last watchlist journaled; null while the session watches its own ticker alone. */
        List<Ticker> watchlist;
        Map<String, String> config;
        SessionState state = SessionState.IDLE;
        StopReason stopReason;
        boolean autoTradingEnabled;
        long lastBusSeq;
        final Map<ProposalId, Proposal> proposals = new LinkedHashMap<>();
        final Map<ProposalId, Proposal> decidedTerms = new LinkedHashMap<>();
        Decision lastDecision;
        Decision analysisDecision;
        final Map<ClientOrderId, JournalEvent.OrderIntended> intents = new LinkedHashMap<>();
        final Set<ClientOrderId> settled = new HashSet<>();
        final Set<String> fillIds = new HashSet<>();
        final List<Fill> fills = new ArrayList<>();
        final Map<Ticker, JournalEvent.PositionChanged> protections = new LinkedHashMap<>();
        boolean archived;
    }

    List<DeskSession> recover() {
        Journal journal = desk.ports().journal();
        List<DeskSession> restored = new ArrayList<>();
        for (SessionId id : journal.sessions()) {
            SessionHistory history = read(journal, id);
            if (history.archived) continue;
            if (history.ticker == null) {
                desk.reportProblem(id, "journal of session " + id + " has no SessionOpened entry; it cannot be restored");
                continue;
            }
            desk.continueBusSequence(id, history.lastBusSeq);
            AutoTradingConfig config = history.config == null ? desk.settings().defaultConfig() : ConfigFields.toConfig(history.config);
            Proposal card = history.state == SessionState.PROPOSAL && history.analysisDecision != null ? history.analysisDecision.terms() : null;
            TradingSession state = TradingSession.restored(id, history.ticker, config, desk.clock(), history.state, history.autoTradingEnabled,
                    card, history.stopReason);
            DeskSession session = desk.adopt(new DeskSession(desk, state));
            if (history.watchlist != null) session.restoreWatchlist(history.watchlist);
            restorePositions(session, history);
            settleUnknownOrders(session, history);
            cancelOpenProposals(session, history);
            boolean analysisTraded = history.analysisDecision != null
                    && history.intents.values().stream().anyMatch(i -> history.analysisDecision.proposalId().equals(i.proposalId()));
            session.resume(history.analysisDecision, analysisTraded);
            if (history.state == SessionState.STOPPED) {
                desk.halt(session, "the session is stopped");
                session.retire();
            }
            if (history.state != SessionState.STOPPED) {
                session.say(AgentRole.ORCHESTRATOR, new Alert(Alert.AlertKind.SYSTEM, Alert.Severity.INFO, history.ticker,
                        "Desk restarted: session restored in " + history.state + (history.state == SessionState.AUTO_TRADING
                                ? ", auto-trading " + (history.autoTradingEnabled ? "on" : "off") : "") + "; positions and stops re-armed."));
            }
            restored.add(session);
        }
        return restored;
    }

    private static SessionHistory read(Journal journal, SessionId id) {
        SessionHistory h = new SessionHistory();
        long after = 0;
        while (true) {
            List<JournalEntry> page = journal.read(id, after, PAGE);
            if (page.isEmpty()) return h;
            for (JournalEntry entry : page) note(h, entry.event());
            after = page.getLast().seq();
        }
    }

    private static void note(SessionHistory h, JournalEvent event) {
        switch (event) {
            case JournalEvent.SessionOpened opened -> h.ticker = opened.ticker();
            case JournalEvent.WatchlistChanged changed -> h.watchlist = changed.tickers();
            case JournalEvent.ConfigChanged changed -> h.config = changed.fields();
            case JournalEvent.StateChanged changed -> {
                SessionState to = SessionState.valueOf(changed.to());
                if (to == SessionState.PROPOSAL) h.analysisDecision = h.lastDecision;
                if (to == SessionState.STOPPED) {
                    h.stopReason = changed.reason().contains(StopReason.MAX_LOSS_HIT.sentence()) ? StopReason.MAX_LOSS_HIT : StopReason.USER;
                }
                h.state = to;
            }
            case JournalEvent.UserAction action -> {
                switch (action.action()) {
                    case ENABLE_AUTO_TRADING -> h.autoTradingEnabled = true;
                    case DISABLE_AUTO_TRADING, STOP_SESSION -> h.autoTradingEnabled = false;
                    case ARCHIVE_SESSION -> h.archived = true;
                    default -> { }
                }
            }
            case JournalEvent.MessageJournaled journaled -> {
                AgentMessage message = journaled.message();
                h.lastBusSeq = Math.max(h.lastBusSeq, message.seq());
                if (message.content() instanceof Proposal proposal) h.proposals.put(proposal.id(), proposal);
                if (message.content() instanceof Decision decision) {
                    h.decidedTerms.put(decision.proposalId(), decision.terms());
                    h.lastDecision = decision;
                }
            }
            case JournalEvent.OrderIntended intended -> h.intents.put(intended.clientOrderId(), intended);
            case JournalEvent.OrderPlaced placed -> h.settled.add(placed.order().clientOrderId());
            case JournalEvent.OrderRejected rejected -> h.settled.add(rejected.clientOrderId());
            case JournalEvent.OrderFilled filled -> {
                h.settled.add(filled.fill().clientOrderId());
                if (h.fillIds.add(filled.fill().fillId())) h.fills.add(filled.fill());
            }
            case JournalEvent.PositionChanged changed -> h.protections.put(changed.ticker(), changed);
            // Derived again after a restart: from the session's state and the first reconciliation.
            case JournalEvent.TradingStateChanged ignored -> { }
            // A model's answer counted once, in the vote it gave; a restart asks no model again.
            case JournalEvent.ReasonerCalled ignored -> { }
            // What a vote saw is for replaying the decision; the vote itself is in the messages.
            case JournalEvent.VoteSeen ignored -> { }
        }
    }

    private void restorePositions(DeskSession session, SessionHistory history) {
        for (Fill fill : history.fills) desk.replayFill(session.id(), fill);
        for (JournalEvent.PositionChanged last : history.protections.values()) {
            if (last.quantity() == 0) continue;
            desk.rearmProtection(session.id(), last.ticker(), new Protection(last.stop(), last.target(), last.trailingStopPct()), last.waterMark());
            desk.noteJournaledWaterMark(session.id(), last.ticker(), last.waterMark());
        }
    }

    /** Every order the journal knows of is checked against the broker: missing outcomes and missed fills are taken in, nothing is resent. */
    private void settleUnknownOrders(DeskSession session, SessionHistory history) {
        desk.execution().alreadyBooked(history.fillIds);
        Map<Ticker, ClientOrderId> lastIntents = new HashMap<>();
        for (JournalEvent.OrderIntended intent : history.intents.values()) lastIntents.put(intent.request().ticker(), intent.clientOrderId());
        for (JournalEvent.OrderIntended intent : history.intents.values()) {
            Optional<Order> atBroker = desk.ports().broker().findByClientOrderId(intent.clientOrderId());
            if (atBroker.isEmpty()) {
                if (!history.settled.contains(intent.clientOrderId())) {
                    desk.journal(session.id(), new JournalEvent.OrderRejected(intent.clientOrderId(), RejectReason.NOT_PLACED,
                            "the desk stopped before the order reached the broker; it was not sent again"));
                }
                continue;
            }
            Order order = atBroker.get();
            if (!history.settled.contains(intent.clientOrderId())) desk.journal(session.id(), new JournalEvent.OrderPlaced(order));
            desk.execution().adopt(session, intent, intent.proposalId() == null ? null : history.decidedTerms.get(intent.proposalId()), order);
            for (Fill fill : order.fills()) {
                if (history.fillIds.contains(fill.fillId())) continue;
                desk.execution().onFill(fill);
            }
            desk.execution().adoptVenueExits(session, intent.request(), order, intent.clientOrderId().equals(lastIntents.get(intent.request().ticker())));
        }
    }

    private void cancelOpenProposals(DeskSession session, SessionHistory history) {
        for (Proposal proposal : history.proposals.values()) {
            if (history.decidedTerms.containsKey(proposal.id())) continue;
            int quorum = session.config().quorum();
            Decision cancelled = new Decision(proposal.id(), Outcome.CANCELLED, new Tally(0, 0, 0, false, quorum, AgentRole.VOTERS.size()),
                    List.of(), proposal, "restart", "CANCELLED — " + proposal.text() + ": the desk restarted before the vote ended; nothing was traded");
            desk.bus().publish(AgentMessage.draft(session.id(), AgentRole.ORCHESTRATOR, Recipients.all(), cancelled, desk.clock().now()));
        }
    }
}
