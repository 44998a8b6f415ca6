package org.ownersvote.notification.service;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.ownersvote.notification.Message;
import org.ownersvote.notification.channel.MessageChannel;
import org.ownersvote.notification.config.MessagesConfig;
import org.ownersvote.notification.domain.Outcome;
import org.ownersvote.notification.domain.RateLimit;

import io.quarkus.scheduler.Scheduled;

/**
 * Sends due messages: claims them, hands each to its channel outside any transaction (a slow provider holds no
 * database lock), and records the outcome. Runs every poll interval; a round sends at most one batch.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    @Inject
    Deliveries deliveries;

    @Inject
    MessageClock clock;

    @Inject
    MessagesConfig config;

    @Inject
    Instance<MessageChannel> available;

    private final Map<Message.Channel, MessageChannel> channels = new EnumMap<>(Message.Channel.class);
    private final Map<Message.Channel, RateLimit> limits = new EnumMap<>(Message.Channel.class);

    @PostConstruct
    void init() {
        available.forEach(c -> channels.put(c.channel(), c));
        Instant now = Instant.now();
        limits.put(Message.Channel.SMS, rate(config.sms().rate(), now));
        limits.put(Message.Channel.EMAIL, rate(config.email().rate(), now));
        limits.put(Message.Channel.WECOM, rate(config.wecom().rate(), now));
        channels.values().forEach(c -> LOG.infof("Channel %s: %s", c.channel(), c.enabled() ? "on" : "off"));
    }

    @Scheduled(every = "${ownersvote.messages.poll-interval:PT2S}",
            delayed = "${ownersvote.messages.poll-interval:PT2S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            deliverDue();
        } catch (RuntimeException e) { // database down, or shutting down: the next round tries again
            LOG.warnf("Delivery round failed: %s", e.toString());
        }
    }

    /** One round: recover abandoned sends, claim due messages, send them. Returns how many were sent or tried. */
    public synchronized int deliverDue() {
        deliveries.recoverAbandoned(clock.now(), channels);
        List<Deliveries.Claim> claimed = deliveries.claimDue(clock.now(), channels, limits);
        for (Deliveries.Claim claim : claimed) {
            Outcome outcome;
            try {
                outcome = channels.get(claim.message().channel).send(claim.message());
            } catch (RuntimeException e) { // a defect in an adapter must not leave the message SENDING for the lease
                LOG.errorf(e, "Channel %s threw for message %s", claim.message().channel, claim.message().id);
                outcome = Outcome.retry("unexpected error: " + e);
            }
            deliveries.record(claim, outcome, clock.now());
        }
        return claimed.size();
    }

    private static RateLimit rate(MessagesConfig.Rate rate, Instant now) {
        return new RateLimit(rate.perSecond(), rate.burst(), now);
    }
}
