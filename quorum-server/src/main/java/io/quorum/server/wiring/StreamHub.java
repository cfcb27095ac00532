package io.quorum.server.wiring;

import io.quorum.engine.agent.AgentActivity;
import io.quorum.engine.desk.Desk;
import io.quorum.engine.desk.DeskListener;
import io.quorum.engine.desk.DeskSession;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.snapshot.DeskSnapshot;
import io.quorum.engine.store.ObservableJournal;
import io.quorum.server.api.RiskUpdate;
import io.quorum.server.api.StreamEvent;
import io.quorum.server.api.StreamEventType;
import io.quorum.server.api.StreamListener;
import io.quorum.server.api.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions' live streams. Each journal entry becomes at most one frame of its own type
 * ({@link #frameOf}); a session that has clients is followed once on the journal's tail and the
 * frame is handed to every client, so it is mapped (and encoded) once however many watch. The
 * account's portfolio and risk go to every session's clients as {@code risk_update} at the same
 * pace, whichever session moved them. The session's portfolio, which is not journaled, is sent as {@code position_update} at most ten times a
 * second per session, from the latest {@link DeskSnapshot}. What the session's agents are doing is sent as {@code agent_activity}
 * as it happens, but a model's draft at most ten times a second per agent, the latest only: a model writes many pieces a second.
 *
 * <p>Frames are built from the entry itself and the latest snapshot, never by asking the engine
 * loop, so a follower of the tail never waits for the loop.
 */
final class StreamHub implements AutoCloseable {
    private static final Duration POSITION_UPDATE_PERIOD = Duration.ofMillis(100);
    private static final int PAGE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);

    private final Desk desk;
    private final ObservableJournal journal;
    private final DeskQueries queries;
    /** A session's fan-out is created with its first client and closed with its last, under {@code membership}; read without a lock. */
    private final Map<SessionId, Fanout> fanouts = new ConcurrentHashMap<>();
    private final Object membership = new Object();
    /** Sessions whose positions moved, with the snapshot version current when they did: an update waits for a newer snapshot. */
    private final Map<SessionId, Long> positionsMoved = new ConcurrentHashMap<>();
    /** The snapshot version current when any session's positions last moved, or {@link #UNMOVED} once the account's update is sent. */
    private final AtomicLong accountMoved = new AtomicLong(UNMOVED);
    private static final long UNMOVED = -1;
    /** The latest draft of each agent's model not sent yet, taken by the next tick or dropped when the agent finishes first. */
    private final Map<AgentKey, AgentActivity.Drafting> drafts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService positionUpdates =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("position-updates").factory());

    StreamHub(Desk desk, ObservableJournal journal, DeskQueries queries) {
        this.desk = desk;
        this.journal = journal;
        this.queries = queries;
        desk.addListener(new DeskListener() {
            @Override public void positionsChanged(SessionId session) {
                long version = desk.snapshot().version();
                if (fanouts.containsKey(session)) positionsMoved.put(session, version);
                accountMoved.set(version);
            }

            @Override public void agentActivity(AgentActivity activity) {
                if (!fanouts.containsKey(activity.session())) return;
                AgentKey key = new AgentKey(activity.session(), activity.role());
                if (activity instanceof AgentActivity.Drafting drafting) {
                    drafts.put(key, drafting);
                    return;
                }
                drafts.remove(key);
                sendActivity(activity);
            }
        });
        long period = POSITION_UPDATE_PERIOD.toMillis();
        positionUpdates.scheduleAtFixedRate(this::publishPositionUpdates, period, period, TimeUnit.MILLISECONDS);
    }

    /** The frame type of a journaled agent message: its own for the protocol's steps, {@code agent_message} for the rest of the conversation. */
    static StreamEventType typeOf(AgentMessage message) {
        return switch (message.content()) {
            case Update update -> switch (update.kind()) {
                case REASONING -> StreamEventType.REASONING;
                case ANALYSIS_COMPLETE -> StreamEventType.COMPLETE;
                case TRADE_EXECUTED -> StreamEventType.TRADE_EXECUTED;
                case OBSERVATION, STATUS, POSITION, CONFIRMATION_REQUESTED -> StreamEventType.AGENT_MESSAGE;
            };
            case Proposal proposal -> StreamEventType.PROPOSAL;
            case Decision decision -> StreamEventType.DECISION;
            case Alert alert -> StreamEventType.MARKET_ALERT;
            case Question question -> StreamEventType.AGENT_MESSAGE;
            case Vote vote -> StreamEventType.AGENT_MESSAGE;
            case VoteRequest request -> StreamEventType.AGENT_MESSAGE;
        };
    }

    /** Journaled frames of the session with {@code seq > afterSeq}, at most {@code limit}: the replay of a reconnecting client. */
    List<StreamEvent> events(DeskSession session, long afterSeq, int limit) {
        List<StreamEvent> events = new ArrayList<>();
        long after = afterSeq;
        while (events.size() < limit) {
            List<JournalEntry> entries = journal.read(session.id(), after, Math.min(PAGE, limit));
            if (entries.isEmpty()) break;
            for (JournalEntry entry : entries) {
                after = entry.seq();
                StreamEvent event = frameOf(session, entry);
                if (event != null) events.add(event);
                if (events.size() == limit) break;
            }
        }
        return events;
    }

    Subscription subscribe(DeskSession session, StreamListener listener) {
        Fanout fanout;
        synchronized (membership) {
            fanout = fanouts.get(session.id());
            if (fanout == null) {
                fanout = new Fanout(session);
                fanouts.put(session.id(), fanout);
            }
            fanout.listeners.add(listener);
        }
        Fanout joined = fanout;
        return () -> leave(joined, listener);
    }

    @Override public void close() {
        positionUpdates.shutdownNow();
        List<Fanout> open;
        synchronized (membership) {
            open = List.copyOf(fanouts.values());
            fanouts.clear();
        }
        for (Fanout fanout : open) fanout.stopFollowing();
    }

    /** The entry as a frame, or null for entries that are not streamed (orders, fills, user actions, ...). */
    StreamEvent frameOf(DeskSession session, JournalEntry entry) {
        String id = session.id().value();
        return switch (entry.event()) {
            case JournalEvent.MessageJournaled journaled -> new StreamEvent(typeOf(journaled.message()), entry.seq(), id, entry.time(),
                    ApiViews.message(entry.seq(), journaled.message()));
            case JournalEvent.StateChanged changed -> status(session, entry);
            case JournalEvent.ConfigChanged changed -> status(session, entry);
            case JournalEvent.WatchlistChanged changed -> status(session, entry);
            case JournalEvent.PositionChanged changed -> {
                DeskSnapshot snapshot = desk.snapshot();
                yield new StreamEvent(StreamEventType.POSITION, entry.seq(), id, entry.time(),
                        ApiViews.position(changed, snapshot.session(session.id()), snapshot.lastPrice(changed.ticker()), entry.time()));
            }
            case JournalEvent.SessionOpened opened -> null;
            case JournalEvent.OrderIntended intended -> null;
            case JournalEvent.OrderPlaced placed -> null;
            case JournalEvent.OrderFilled filled -> null;
            case JournalEvent.OrderRejected rejected -> null;
            case JournalEvent.TradingStateChanged changed -> status(session, entry);
            case JournalEvent.UserAction action -> null;
            case JournalEvent.ReasonerCalled called -> null;
            case JournalEvent.VoteSeen seen -> null;
        };
    }

    private StreamEvent status(DeskSession session, JournalEntry entry) {
        return new StreamEvent(StreamEventType.STATUS, entry.seq(), session.id().value(), entry.time(), ApiViews.session(session, desk.snapshot(), entry.seq()));
    }

    private void leave(Fanout fanout, StreamListener listener) {
        boolean last;
        synchronized (membership) {
            if (!fanout.listeners.remove(listener)) return;
            last = fanout.listeners.isEmpty();
            if (last) fanouts.remove(fanout.session.id(), fanout);
        }
        if (last) {
            positionsMoved.remove(fanout.session.id());
            fanout.stopFollowing();
        }
    }

    private void sendActivity(AgentActivity activity) {
        Fanout fanout = fanouts.get(activity.session());
        if (fanout == null) return;
        SessionId id = activity.session();
        StreamEvent event = new StreamEvent(StreamEventType.AGENT_ACTIVITY, journal.lastSeq(id), id.value(), desk.clock().now(), ApiViews.activity(activity));
        for (StreamListener listener : fanout.listeners) listener.onEvent(event);
    }

    private void publishDrafts() {
        for (Map.Entry<AgentKey, AgentActivity.Drafting> draft : List.copyOf(drafts.entrySet())) {
            if (drafts.remove(draft.getKey(), draft.getValue())) sendActivity(draft.getValue());
        }
    }

    private void publishPositionUpdates() {
        try {
            publishDrafts();
        } catch (RuntimeException e) {
            // A draft is only a preview: the next one, or the agent's message, says more.
            LOG.warn("agent drafts skipped: {}", e.toString());
        }
        long version = desk.snapshot().version();
        publishRiskUpdate(version);
        for (Map.Entry<SessionId, Long> moved : List.copyOf(positionsMoved.entrySet())) {
            // The loop publishes its snapshot after the batch that moved the positions: until then, wait.
            if (version <= moved.getValue()) continue;
            SessionId id = moved.getKey();
            positionsMoved.remove(id, moved.getValue());
            Fanout fanout = fanouts.get(id);
            if (fanout == null || fanout.listeners.isEmpty()) continue;
            try {
                StreamEvent event = new StreamEvent(StreamEventType.POSITION_UPDATE, journal.lastSeq(id), id.value(), desk.clock().now(), queries.portfolio(id));
                for (StreamListener listener : fanout.listeners) listener.onEvent(event);
            } catch (RuntimeException e) {
                // The next change carries the whole portfolio again, so a skipped update loses nothing.
                LOG.warn("position update for session {} skipped: {}", id, e.toString());
            }
        }
    }

    private void publishRiskUpdate(long version) {
        long moved = accountMoved.get();
        if (moved == UNMOVED || version <= moved || !accountMoved.compareAndSet(moved, UNMOVED)) return;
        try {
            RiskUpdate update = new RiskUpdate(queries.accountPortfolio(), queries.risk());
            for (Fanout fanout : fanouts.values()) {
                SessionId id = fanout.session.id();
                StreamEvent event = new StreamEvent(StreamEventType.RISK_UPDATE, journal.lastSeq(id), id.value(), desk.clock().now(), update);
                for (StreamListener listener : fanout.listeners) listener.onEvent(event);
            }
        } catch (RuntimeException e) {
            // As with a position update, the next change carries the whole account again.
            LOG.warn("risk update skipped: {}", e.toString());
        }
    }

    /** One agent of one session. */
    private record AgentKey(SessionId session, AgentRole role) {}

    /** One session's clients and its one follower of the journal's tail. */
    private final class Fanout {
        final DeskSession session;
        final List<StreamListener> listeners = new CopyOnWriteArrayList<>();
        final AutoCloseable following;

        Fanout(DeskSession session) {
            this.session = session;
            this.following = journal.follow(session.id(), this::deliver);
        }

        private void deliver(JournalEntry entry) {
            StreamEvent event = frameOf(session, entry);
            if (event == null) return;
            for (StreamListener listener : listeners) listener.onEvent(event);
        }

        void stopFollowing() {
            try {
                following.close();
            } catch (Exception e) {
                LOG.warn("could not stop following session {}: {}", session.id(), e.toString());
            }
        }
    }
}
