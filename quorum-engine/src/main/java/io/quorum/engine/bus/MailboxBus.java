package io.quorum.engine.bus;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.MessageBus;
import java.util.function.Consumer;

/**
 * A bus whose every subscription is a {@link Mailbox} from its {@link Mailboxes}: the in-process
 * bus and the Redis bus alike, which differ only in how a mailbox is fed.
 */
public interface MailboxBus extends MessageBus {
    /** Where this bus's subscriptions come from. */
    Mailboxes mailboxes();

    @Override
    default Mailbox subscribe(SessionId session, AgentRole role, Consumer<AgentMessage> handler) {
        return mailboxes().subscribe(session, role, handler);
    }

    @Override
    default Mailbox observe(SessionId session, Consumer<AgentMessage> handler) {
        return mailboxes().observe(session, handler);
    }

    /** What the bus has counted, with each live mailbox's own counters. */
    BusStats stats();
}
