package io.quorum.adapters.config;

import static io.quorum.adapters.config.ConfigValues.absent;
import static io.quorum.adapters.config.ConfigValues.kind;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.adapters.http.Backoff;
import io.quorum.adapters.notify.ChannelSettings;
import io.quorum.adapters.notify.DeliveryPolicy;
import io.quorum.adapters.notify.NoticeKind;
import io.quorum.adapters.notify.NotifySettings;
import io.quorum.adapters.notify.TelegramBot;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the {@code notify} section and builds its {@link NotifySettings}. The section's own keys
 * are checked by {@link QuorumConfigValidator}; this class checks the values and each channel's
 * keys. A channel names the environment variable that holds its secret, never the secret: a
 * webhook's URL carries its token, and a Telegram bot's token is its password.
 *
 * <pre>
 * notify:
 *   deskUrl: https://desk.example.com    # the link in a confirmation notice
 *   queue: 1000                          # notices that may wait per channel; the oldest is dropped beyond
 *   timeout: 10s
 *   attempts: 4
 *   channels:
 *     - {name: desk-room, type: slack, urlVariable: QUORUM_SLACK_WEBHOOK_URL, events: [trade, exit, fault]}
 *     - {name: phone, type: telegram, tokenVariable: QUORUM_TELEGRAM_TOKEN, chatId: "12345678", events: [exit, trading-state, kill-switch]}
 * </pre>
 */
final class NotifyConfigValidator {
    static final List<String> KEYS = List.of("deskUrl", "queue", "timeout", "attempts", "channels");
    private static final List<String> CHANNEL_KEYS = List.of("name", "type", "urlVariable", "tokenVariable", "chatId", "apiUrl", "events");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final String SLACK_EXAMPLE = "{name: desk-room, type: slack, urlVariable: QUORUM_SLACK_WEBHOOK_URL}";
    private static final String TELEGRAM_EXAMPLE = "{name: phone, type: telegram, tokenVariable: QUORUM_TELEGRAM_TOKEN, chatId: \"12345678\"}";

    private final JsonNode section;
    private final ConfigValues values;

    NotifyConfigValidator(JsonNode section, ConfigValues values) {
        this.section = section;
        this.values = values;
    }

    NotifySettings settings() {
        NotifySettings none = NotifySettings.none();
        if (absent(section) || !section.isObject()) return none;
        DeliveryPolicy defaults = none.policy();
        URI deskUrl = values.url("notify.deskUrl", section.path("deskUrl"), "deskUrl: https://desk.example.com", none.deskUrl());
        int queue = (int) values.whole("notify.queue", section.path("queue"), 10, 100_000, "1000", defaults.queueCapacity());
        Duration timeout = values.duration("notify.timeout", section.path("timeout"), Duration.ofSeconds(1), Duration.ofMinutes(1), "10s", defaults.timeout());
        int attempts = (int) values.whole("notify.attempts", section.path("attempts"), 1, 10, "4", defaults.attempts());
        Backoff backoff = defaults.backoff();
        return new NotifySettings(deskUrl, new DeliveryPolicy(queue, timeout, attempts, backoff), channels(section.path("channels")));
    }

    private List<ChannelSettings> channels(JsonNode node) {
        if (absent(node)) return List.of();
        if (!node.isArray()) {
            values.error("notify.channels", "is " + kind(node) + ", not a list", "a list of channels", "channels: [" + SLACK_EXAMPLE + "]");
            return List.of();
        }
        List<ChannelSettings> channels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            ChannelSettings channel = channel("notify.channels[" + i + "]", node.get(i));
            if (channel == null) continue;
            if (!names.add(channel.name())) {
                values.error("notify.channels[" + i + "].name", "\"" + channel.name() + "\" names another channel too", "a name of its own", "name: desk-room-2");
            } else {
                channels.add(channel);
            }
        }
        return channels;
    }

    /** One channel, or null when it has an error (reported). */
    private ChannelSettings channel(String path, JsonNode node) {
        if (!node.isObject()) {
            values.error(path, "is " + kind(node) + ", not a channel", "a mapping of " + String.join(", ", CHANNEL_KEYS), SLACK_EXAMPLE);
            return null;
        }
        int before = values.errorCount();
        for (var keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (CHANNEL_KEYS.contains(key)) continue;
            if (QuorumConfigValidator.looksSecret(key) || key.equalsIgnoreCase("url") || key.equalsIgnoreCase("webhook")) {
                values.error(path + "." + key, "looks like a secret, and secrets are never read from the file (its value is not shown here)",
                        "the name of the environment variable that holds it, in urlVariable or tokenVariable", "urlVariable: QUORUM_SLACK_WEBHOOK_URL");
            } else {
                values.error(path + "." + key, "is not a known key", "one of " + String.join(", ", CHANNEL_KEYS), SLACK_EXAMPLE);
            }
        }
        String name = text(node.path("name"));
        if (name == null || !NAME.matcher(name).matches()) {
            values.error(path + ".name", name == null ? "is missing" : "\"" + name + "\" is not a channel name", "lower-case letters, digits and dashes, up to 40", "name: desk-room");
        }
        ChannelSettings.Type type = type(path + ".type", node.path("type"));
        boolean telegram = type == ChannelSettings.Type.TELEGRAM;
        String variableKey = telegram ? "tokenVariable" : "urlVariable";
        String otherKey = telegram ? "urlVariable" : "tokenVariable";
        if (type != null && node.has(otherKey)) {
            values.error(path + "." + otherKey, "is not read by a " + type.configName() + " channel", variableKey + " instead", telegram ? TELEGRAM_EXAMPLE : SLACK_EXAMPLE);
        }
        String variable = text(node.path(variableKey));
        if (type != null && (variable == null || !QuorumConfigValidator.isVariableName(variable))) {
            values.error(path + "." + variableKey, variable == null ? "is missing" : "is not the name of an environment variable (its value is not shown here, in case it is the secret)",
                    "upper-case letters, digits and underscores, with at least one underscore; the " + (telegram ? "bot token" : "webhook URL") + " itself goes in that variable",
                    telegram ? "tokenVariable: QUORUM_TELEGRAM_TOKEN" : "urlVariable: QUORUM_SLACK_WEBHOOK_URL");
        }
        String chatId = text(node.path("chatId"));
        if (telegram && chatId == null) values.error(path + ".chatId", "is missing, and a Telegram bot writes to one chat", "the chat's id, as text", "chatId: \"12345678\"");
        if (!telegram && type != null && node.has("chatId")) values.error(path + ".chatId", "is only read by a telegram channel", "no chatId here", SLACK_EXAMPLE);
        URI apiUrl = values.url(path + ".apiUrl", node.path("apiUrl"), "apiUrl: " + TelegramBot.API, TelegramBot.API);
        Set<NoticeKind> kinds = kinds(path + ".events", node.path("events"));
        if (values.errorCount() > before) return null;
        return new ChannelSettings(name, type, variable, chatId, apiUrl, kinds);
    }

    private ChannelSettings.Type type(String path, JsonNode node) {
        String text = text(node);
        for (ChannelSettings.Type type : ChannelSettings.Type.values()) {
            if (type.configName().equals(text == null ? null : text.toLowerCase(Locale.ROOT))) return type;
        }
        values.error(path, text == null ? "is missing" : "\"" + text + "\" is not a channel type", "one of webhook, slack, discord, telegram", "type: slack");
        return null;
    }

    /** The kinds a channel is told; every kind when the list is left out. */
    private Set<NoticeKind> kinds(String path, JsonNode node) {
        if (absent(node)) return EnumSet.allOf(NoticeKind.class);
        List<String> choices = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) choices.add(kind.configName());
        String expected = "a list of " + String.join(", ", choices);
        if (!node.isArray() || node.isEmpty()) {
            values.error(path, node.isArray() ? "is empty, so the channel would hear nothing" : "is " + kind(node) + ", not a list", expected, "events: [trade, exit, fault]");
            return EnumSet.noneOf(NoticeKind.class);
        }
        Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
        for (JsonNode item : node) {
            String text = text(item);
            int index = text == null ? -1 : choices.indexOf(text.toLowerCase(Locale.ROOT));
            if (index < 0) values.error(path, (text == null ? "holds " + kind(item) : "\"" + text + "\" is not a kind of notice"), expected, "events: [trade, exit, fault]");
            else kinds.add(NoticeKind.values()[index]);
        }
        return kinds;
    }

    private static String text(JsonNode node) { return node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : node.isNumber() ? node.asText() : null; }


}
