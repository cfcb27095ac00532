package io.quorum.adapters.notify;

import java.net.URI;

/**
 * Where notices go, and the request that carries one there. A channel's address holds its secret
 * (a webhook's token, a bot's token): it is never shown, only its {@link #name()}.
 */
public sealed interface Channel permits Webhook, TelegramBot {
    /** The name the configuration gives it, the only thing logs and counters say about it. */
    String name();

    URI endpoint();

    /** The JSON body that carries {@code notice}. */
    String body(Notice notice);
}
