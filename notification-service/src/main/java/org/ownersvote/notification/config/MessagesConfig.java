package org.ownersvote.notification.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ownersvote.notification.Message;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How messages are sent: quiet hours, retries, reminders, and each channel's provider. */
@ConfigMapping(prefix = "ownersvote.messages")
public interface MessagesConfig {

    /** How often the dispatcher looks for due messages (read by its @Scheduled). */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** How often reminders and daily worklists are looked at (read by the campaigns' @Scheduled). */
    @WithDefault("PT5M")
    Duration campaignInterval();

    QuietHours quietHours();

    Retry retry();

    /** How long a send may take before a message left SENDING is taken as abandoned by a stopped service. */
    @WithDefault("PT2M")
    Duration sendingLease();

    /** Messages claimed per delivery round. */
    @WithDefault("50")
    int batchSize();

    /** Days before the voting deadline on which owners who have not voted get a reminder. */
    @WithDefault("3,1")
    List<Integer> reminderDaysBefore();

    /** Local time (zone of the quiet hours) after which each day's worklists and undeliverable notice go out. */
    @WithDefault("08:30")
    LocalTime dailyAt();

    Sms sms();

    Email email();

    Wecom wecom();

    interface QuietHours {
        @WithDefault("21:00")
        LocalTime start();

        @WithDefault("08:00")
        LocalTime end();

        @WithDefault("Asia/Shanghai")
        ZoneId zone();

        /** Channels that keep quiet hours. */
        @WithDefault("SMS,EMAIL,WECOM")
        Set<Message.Channel> channels();
    }

    interface Retry {
        @WithDefault("PT30S")
        Duration first();

        @WithDefault("PT30M")
        Duration max();

        @WithDefault("8")
        int maxAttempts();
    }

    /** Rate toward a provider. */
    interface Rate {
        @WithDefault("10")
        double perSecond();

        @WithDefault("10")
        int burst();
    }

    interface Sms {
        /** The provider's send endpoint (contract in notification-service/MESSAGES.md); no URL, no SMS. */
        Optional<URI> url();

        Optional<String> apiKey();

        @WithDefault("业委会选举")
        String signName();

        /** The provider's template id per purpose (e.g. VOTING_OPEN=SMS_4711); unlisted purposes use OV_<PURPOSE>. */
        Map<Message.Purpose, String> templates();

        Rate rate();

        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Email {
        @WithDefault("false")
        boolean enabled();

        Rate rate();
    }

    interface Wecom {
        @WithDefault("true")
        boolean enabled();

        /** The group robot's send URL; the group's key is added as ?key=. */
        @WithDefault("https://qyapi.weixin.qq.com/cgi-bin/webhook/send")
        URI url();

        /** WeChat Work allows a robot 20 messages a minute. */
        Rate rate();

        @WithDefault("PT10S")
        Duration timeout();
    }
}
