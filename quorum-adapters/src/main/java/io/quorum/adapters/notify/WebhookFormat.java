package io.quorum.adapters.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON a webhook expects: a generic object, Slack's incoming webhook, or Discord's. */
public enum WebhookFormat {
    /** {@code {"kind":"exit","session":"desk-1","text":"…"}}, for a receiver of one's own. */
    JSON,
    /** Slack's incoming webhook: {@code {"text":"…"}}. */
    SLACK,
    /** Discord's webhook: {@code {"content":"…"}}, at most 2000 characters. */
    DISCORD;

    private static final int DISCORD_LIMIT = 2000;
    private static final ObjectMapper JSON_WRITER = new ObjectMapper();

    String body(Notice notice) {
        ObjectNode body = JSON_WRITER.createObjectNode();
        switch (this) {
            case JSON -> {
                body.put("kind", notice.kind().configName());
                if (notice.session() == null) body.putNull("session");
                else body.put("session", notice.session().value());
                body.put("text", notice.text());
            }
            case SLACK -> body.put("text", notice.sentence());
            case DISCORD -> body.put("content", shortened(notice.sentence(), DISCORD_LIMIT));
        }
        return body.toString();
    }

    static String shortened(String text, int limit) { return text.length() <= limit ? text : text.substring(0, limit - 1) + "…"; }
}
