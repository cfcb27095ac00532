package io.quorum.adapters.notify;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A channel as configured: its name, its type, the environment variable that holds its secret (a
 * webhook's whole URL, or a Telegram bot's token), a Telegram chat and Bot API server, and the
 * kinds of notice it is told. The secret itself is never part of the settings.
 */
public record ChannelSettings(String name, Type type, String secretVariable, String chatId, URI apiUrl, Set<NoticeKind> kinds) {
    public ChannelSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(secretVariable, "secretVariable");
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (type == Type.TELEGRAM && (chatId == null || chatId.isBlank())) throw new IllegalArgumentException("chatId: a Telegram channel needs its chat");
        kinds = Set.copyOf(kinds);
    }

    public enum Type {
        WEBHOOK, SLACK, DISCORD, TELEGRAM;

        public String configName() { return name().toLowerCase(Locale.ROOT); }
    }

    /**
     * The channel, with its secret read from {@code environment}.
     *
     * @throws IllegalStateException naming the variable (never its value) when it is unset, or not a URL for a webhook
     */
    public Channel open(Function<String, String> environment) {
        String secret = environment.apply(secretVariable);
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("notification channel " + name + " needs its " + (type == Type.TELEGRAM ? "bot token" : "webhook URL")
                    + " in the environment variable " + secretVariable + ", which is not set");
        }
        return switch (type) {
            case WEBHOOK -> new Webhook(name, WebhookFormat.JSON, webhookUrl(secret.strip()));
            case SLACK -> new Webhook(name, WebhookFormat.SLACK, webhookUrl(secret.strip()));
            case DISCORD -> new Webhook(name, WebhookFormat.DISCORD, webhookUrl(secret.strip()));
            case TELEGRAM -> new TelegramBot(name, apiUrl, secret.strip(), chatId);
        };
    }

    private URI webhookUrl(String secret) {
        try {
            URI url = URI.create(secret);
            if (url.getHost() != null && ("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) return url;
        } catch (IllegalArgumentException notAUrl) {
            // refused below, without repeating the value
        }
        throw new IllegalStateException("notification channel " + name + ": the environment variable " + secretVariable
                + " does not hold an http(s) URL (its value is not shown here)");
    }
}
