package io.quorum.adapters.notify;

import io.quorum.engine.desk.Desk;
import io.quorum.engine.desk.DeskListener;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.store.ObservableJournal;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Tells people away from the desk what it did: each notice goes to the channels configured for
 * its kind, each channel with its own bounded queue and delivery thread. {@link #offer} only
 * queues, never waits and never throws for a channel's sake, so that a dead webhook cannot slow
 * the desk; a channel that falls behind loses its oldest notices, counted in its stats.
 */
public final class Notifier implements AutoCloseable {
    private final List<Route> routes;
    private final List<AutoCloseable> following = new ArrayList<>();

    /** A channel's delivery, and the kinds it is told. */
    private record Route(ChannelDelivery delivery, Set<NoticeKind> kinds) { }

    /** Starts a delivery thread for each channel; {@code kinds} are the kinds each is told. */
    public Notifier(Map<Channel, Set<NoticeKind>> channels, DeliveryPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        HttpClient http = HttpClient.newBuilder().connectTimeout(policy.timeout()).build();
        List<Route> opened = new ArrayList<>();
        channels.forEach((channel, kinds) -> opened.add(new Route(new ChannelDelivery(channel, policy, http), Set.copyOf(kinds))));
        this.routes = List.copyOf(opened);
    }

    /** The notifier the settings describe, each channel's secret read from {@code environment}. */
    public static Notifier open(NotifySettings settings, Function<String, String> environment) {
        Map<Channel, Set<NoticeKind>> channels = new LinkedHashMap<>();
        for (ChannelSettings channel : settings.channels()) channels.put(channel.open(environment), channel.kinds());
        return new Notifier(channels, settings.policy());
    }

    /** Queues {@code notice} for every channel that is told its kind; returns at once. */
    public void offer(Notice notice) {
        for (Route route : routes) {
            if (route.kinds().contains(notice.kind())) route.delivery().offer(notice);
        }
    }

    /**
     * Notifies what the desk does from now on: its journal's tail, read on a thread of the
     * journal's own, and the problems it reports, which only queue.
     */
    public void follow(Desk desk, ObservableJournal journal, DeskNotices notices) {
        following.add(journal.followAll(entry -> notices.of(entry).ifPresent(this::offer)));
        desk.addListener(new DeskListener() {
            @Override public void problem(SessionId session, String problem) { offer(notices.ofProblem(session, problem)); }
        });
    }

    /** Every channel's counts, added up. */
    public DeliveryStats stats() {
        DeliveryStats total = new DeliveryStats(0, 0, 0, 0);
        for (Route route : routes) total = total.plus(route.delivery().stats());
        return total;
    }

    /** The channels by name, each with its counts. */
    public Map<String, DeliveryStats> statsByChannel() {
        Map<String, DeliveryStats> byChannel = new LinkedHashMap<>();
        for (Route route : routes) byChannel.put(route.delivery().name(), route.delivery().stats());
        return byChannel;
    }

    /** Stops following the desk and stops every delivery thread; what is still queued is not sent. */
    @Override public void close() {
        for (AutoCloseable follower : following) {
            try {
                follower.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        for (Route route : routes) route.delivery().close();
    }
}
