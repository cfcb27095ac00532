package io.quorum.adapters.config;

import static io.quorum.adapters.config.ConfigTexts.REPOSITORY;
import static io.quorum.adapters.config.ConfigTexts.errorsOf;
import static io.quorum.adapters.config.ConfigTexts.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.adapters.notify.Channel;
import io.quorum.adapters.notify.ChannelSettings;
import io.quorum.adapters.notify.NoticeKind;
import io.quorum.adapters.notify.NotifySettings;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifyConfigTest {
    private static final String TWO_CHANNELS = """
            notify:
              deskUrl: https://desk.example.com
              queue: 500
              timeout: 5s
              channels:
                - {name: desk-room, type: slack, urlVariable: QUORUM_SLACK_WEBHOOK_URL, events: [trade, exit, fault]}
                - {name: phone, type: telegram, tokenVariable: QUORUM_TELEGRAM_TOKEN, chatId: "12345678"}
            """;

    private static NotifySettings notifications(String yaml) { return valid(yaml).notifications(); }

    @Test
    void the_readmes_notify_example_is_valid() throws Exception {
        String readme = Files.readString(REPOSITORY.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Notifications"));
        String yaml = section.substring(section.indexOf("```yaml") + "```yaml".length(), section.indexOf("```", section.indexOf("```yaml") + 7));

        assertThat(notifications(yaml).channels()).extracting(ChannelSettings::name).containsExactly("desk-room", "ops", "monitor", "phone");
    }

    @Test
    void without_a_notify_section_the_desk_notifies_no_one() {
        assertThat(notifications("market: {provider: simulated}").isEnabled()).isFalse();
    }

    @Test
    void each_channel_names_its_type_its_secrets_variable_and_the_events_it_hears() {
        NotifySettings settings = notifications(TWO_CHANNELS);

        assertThat(settings.deskUrl()).isEqualTo(URI.create("https://desk.example.com"));
        assertThat(settings.policy().queueCapacity()).isEqualTo(500);
        assertThat(settings.policy().timeout()).isEqualTo(Duration.ofSeconds(5));
        ChannelSettings slack = settings.channels().get(0);
        assertThat(slack.type()).isEqualTo(ChannelSettings.Type.SLACK);
        assertThat(slack.secretVariable()).isEqualTo("QUORUM_SLACK_WEBHOOK_URL");
        assertThat(slack.kinds()).containsExactlyInAnyOrder(NoticeKind.TRADE, NoticeKind.EXIT, NoticeKind.FAULT);
        ChannelSettings telegram = settings.channels().get(1);
        assertThat(telegram.chatId()).isEqualTo("12345678");
        assertThat(telegram.kinds()).as("every kind when events is left out").isEqualTo(EnumSet.allOf(NoticeKind.class));
    }

    @Test
    void a_webhook_url_in_the_file_is_refused_without_being_repeated() {
        String errors = errorsOf("""
                notify:
                  channels: [{name: desk-room, type: slack, url: "https://hooks.slack.com/services/T0/B0/sekrit"}]
                """);

        assertThat(errors).contains("notify.channels[0].url: looks like a secret").contains("urlVariable: QUORUM_SLACK_WEBHOOK_URL").doesNotContain("sekrit");
        assertThat(errors).contains("notify.channels[0].urlVariable: is missing");
    }

    @Test
    void each_mistake_names_its_path_what_is_expected_and_an_example() {
        String errors = errorsOf("""
                notify:
                  queue: 3
                  channels:
                    - {name: phone, type: telegram, tokenVariable: QUORUM_TELEGRAM_TOKEN}
                    - {name: room, type: teams, urlVariable: QUORUM_TEAMS_URL}
                    - {name: room-2, type: discord, urlVariable: QUORUM_DISCORD_URL, events: [trades]}
                """);

        assertThat(errors).contains("notify.queue: 3 is out of range; expected a whole number from 10 to 100000, for example queue: 1000")
                .contains("notify.channels[0].chatId: is missing, and a Telegram bot writes to one chat; expected the chat's id, as text, for example chatId: \"12345678\"")
                .contains("notify.channels[1].type: \"teams\" is not a channel type; expected one of webhook, slack, discord, telegram, for example type: slack")
                .contains("notify.channels[2].events: \"trades\" is not a kind of notice; expected a list of trade, exit, limit, trading-state, kill-switch, fault, confirmation");
    }

    @Test
    void a_channel_opens_with_its_secret_from_the_environment_and_never_shows_it() {
        ChannelSettings phone = notifications(TWO_CHANNELS).channels().get(1);

        Channel bot = phone.open(Map.of("QUORUM_TELEGRAM_TOKEN", "123456:ABC-token")::get);

        assertThat(bot.endpoint()).isEqualTo(URI.create("https://api.telegram.org/bot123456:ABC-token/sendMessage"));
        assertThat(bot.toString()).doesNotContain("ABC-token");
    }

    @Test
    void a_channel_whose_variable_is_unset_names_the_variable() {
        ChannelSettings room = notifications(TWO_CHANNELS).channels().get(0);

        assertThatThrownBy(() -> room.open(Map.<String, String>of()::get))
                .hasMessage("notification channel desk-room needs its webhook URL in the environment variable QUORUM_SLACK_WEBHOOK_URL, which is not set");
    }
}
