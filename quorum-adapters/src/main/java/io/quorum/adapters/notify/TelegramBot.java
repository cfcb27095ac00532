package io.quorum.adapters.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Objects;

/**
 * A Telegram bot that writes to one chat, through the Bot API's
 * {@code POST /bot<token>/sendMessage} with {@code {"chat_id":…,"text":…}}.
 */
public record TelegramBot(String name, URI apiUrl, String token, String chatId) implements Channel {
    public static final URI API = URI.create("https://api.telegram.org");
    /** The Bot API's limit on a message's text. */
    private static final int TEXT_LIMIT = 4096;
    private static final ObjectMapper JSON_WRITER = new ObjectMapper();

    public TelegramBot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (token == null || token.isBlank()) throw new IllegalArgumentException("token: must not be blank");
        if (chatId == null || chatId.isBlank()) throw new IllegalArgumentException("chatId: must not be blank");
    }

    @Override public URI endpoint() {
        String base = apiUrl.toString().endsWith("/") ? apiUrl.toString() : apiUrl + "/";
        return URI.create(base + "bot" + token + "/sendMessage");
    }

    @Override public String body(Notice notice) {
        ObjectNode body = JSON_WRITER.createObjectNode();
        body.put("chat_id", chatId);
        body.put("text", WebhookFormat.shortened(notice.sentence(), TEXT_LIMIT));
        return body.toString();
    }

    /** The token is the bot's password, so it is left out. */
    @Override public String toString() { return "TelegramBot[" + name + ", chat " + chatId + "]"; }
}
