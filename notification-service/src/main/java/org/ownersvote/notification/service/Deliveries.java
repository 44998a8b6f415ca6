package org.ownersvote.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.ownersvote.notification.Message;
import org.ownersvote.notification.channel.MessageChannel;
import org.ownersvote.notification.config.MessagesConfig;
import org.ownersvote.notification.domain.Backoff;
import org.ownersvote.notification.domain.Outcome;
import org.ownersvote.notification.domain.QuietHours;
import org.ownersvote.notification.domain.RateLimit;
import org.ownersvote.notification.repository.MessageRepository;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.metrics.Figures;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

/**
 * The delivery state of messages, changed in short transactions around each send: claim (PENDING → SENDING, the
 * attempt counted before anything leaves), record the outcome, and recover sends a stopped service left behind.
 * Several instances may run: claims lock with SKIP LOCKED, so no message is taken twice.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    /** A claimed message, as the dispatcher hands it to its channel. */
    public record Claim(Message message, int round) {
    }

    @Inject
    MessageRepository messages;

    @Inject
    Figures figures;

    @Inject
    MessagesConfig config;

    @Inject
    AuditLog audit;

    /**
     * Claims due messages. One whose channel keeps quiet hours is postponed to the end of them (no attempt counted);
     * one whose provider's rate is spent stays due for the next round.
     */
    @Transactional
    public List<Claim> claimDue(Instant now, Map<Message.Channel, MessageChannel> channels,
            Map<Message.Channel, RateLimit> limits) {
        List<Message> due = messages.lockDue(now, config.batchSize());
        QuietHours quiet = quietHours();
        List<Claim> claimed = new ArrayList<>();
        for (Message m : due) {
            MessageChannel channel = channels.get(m.channel);
            if (channel == null || !channel.enabled()) {
                fail(m, "the " + m.channel + " channel is not configured on this deployment");
            } else if (config.quietHours().channels().contains(m.channel) && quiet.isQuiet(now)) {
                m.nextAttemptAt = quiet.earliestSend(now);
            } else if (limits.get(m.channel).tryAcquire(Instant.now())) { // the provider's rate is in real time
                m.status = Message.Status.SENDING;
                m.claimedAt = now;
                m.attempts++;
                claimed.add(new Claim(m, m.round));
            }
        }
        return claimed;
    }

    /** Records one attempt's outcome, unless the message was recovered or resent meanwhile. */
    @Transactional
    public void record(Claim claim, Outcome outcome, Instant now) {
        Message m = messages.lock(claim.message().id);
        if (m.status != Message.Status.SENDING || m.round != claim.round()) {
            LOG.warnf("Outcome of message %s (%s) arrived after it was recovered or resent; kept in its attempts",
                    m.id, outcome.kind());
            attempt(m, claim.message().attempts, claim.round(), now, "LATE_" + outcome.kind(), outcome.detail());
            return;
        }
        attempt(m, m.attempts, m.round, now, outcome.kind().name(), outcome.detail());
        figures.count("ownersvote.messages", "channel", m.channel.name(), "outcome",
                outcome.kind() == Outcome.Kind.DELIVERED ? "sent" : "failed");
        m.claimedAt = null;
        switch (outcome.kind()) {
            case DELIVERED -> {
                m.status = Message.Status.SENT;
                m.sentAt = now;
                m.providerMessageId = outcome.detail();
                m.lastError = null;
            }
            case RETRY -> {
                Backoff backoff = new Backoff(config.retry().first(), config.retry().max(),
                        config.retry().maxAttempts());
                backoff.next(m.attempts, now).ifPresentOrElse(next -> {
                    m.status = Message.Status.PENDING;
                    m.nextAttemptAt = next;
                    m.lastError = outcome.detail();
                }, () -> fail(m, "gave up after " + m.attempts + " attempts; last: " + outcome.detail()));
            }
            case PERMANENT -> fail(m, outcome.detail());
        }
    }

    /**
     * Messages left SENDING longer than the lease belong to a service that stopped mid-send: whether they left is
     * unknown. Over a channel whose provider deduplicates by request id they are sent again (the owner still gets one
     * text); over the others they become UNCONFIRMED and wait for a person, so that nobody gets a message twice.
     */
    @Transactional
    public int recoverAbandoned(Instant now, Map<Message.Channel, MessageChannel> channels) {
        Duration lease = config.sendingLease();
        List<Message> abandoned = messages.lockSendingSince(now.minus(lease));
        for (Message m : abandoned) {
            MessageChannel channel = channels.get(m.channel);
            m.claimedAt = null;
            if (channel != null && channel.deduplicatesRequests()) {
                attempt(m, m.attempts, m.round, now, "ABANDONED", "the service stopped while sending; sent again "
                        + "with the same request id, which the provider deduplicates");
                m.status = Message.Status.PENDING;
                m.nextAttemptAt = now;
            } else {
                String reason = "the service stopped while sending; whether it arrived is unknown, so it is not "
                        + "sent again by itself (resend after checking with the recipient)";
                attempt(m, m.attempts, m.round, now, "ABANDONED", reason);
                m.status = Message.Status.UNCONFIRMED;
                m.lastError = reason;
            }
            LOG.warnf("Message %s was left SENDING; now %s", m.id, m.status);
        }
        return abandoned.size();
    }

    /** A person's decision to send a failed or unconfirmed message again: a new round with a new request id. */
    @Transactional
    public Message resend(UUID electionId, UUID messageId, String actor, Instant now) {
        Message m = messages.lock(messageId);
        if (m == null || !m.electionId.equals(electionId)) {
            throw ProblemException.notFound(Text.of("thing.message"), messageId);
        }
        if (m.status != Message.Status.FAILED && m.status != Message.Status.UNCONFIRMED) {
            throw ProblemException.conflict("message-not-failed", Text.of("message.not-resendable",
                    statusInWords(m.status)));
        }
        String previous = m.lastError;
        m.round++;
        m.attempts = 0;
        m.status = Message.Status.PENDING;
        m.nextAttemptAt = now;
        m.lastError = null;
        audit.record(actor, "message.resent", "message", m.id, electionId, "round " + m.round + "; was: " + previous);
        return m;
    }

    /** A message's state as a person reads it: "已发送", not SENT. */
    static Text statusInWords(Message.Status status) {
        return switch (status) {
            case PENDING -> Text.of("message.status.pending");
            case SENDING -> Text.of("message.status.sending");
            case SENT -> Text.of("message.status.sent");
            case FAILED -> Text.of("message.status.failed");
            case UNCONFIRMED -> Text.of("message.status.unconfirmed");
        };
    }

    public QuietHours quietHours() {
        return new QuietHours(config.quietHours().start(), config.quietHours().end(), config.quietHours().zone());
    }

    private void fail(Message m, String reason) {
        m.status = Message.Status.FAILED;
        m.lastError = reason;
        LOG.warnf("Message %s to %s over %s failed: %s", m.id, m.recipient, m.channel, reason);
    }

    private void attempt(Message m, int attempt, int round, Instant at, String outcome, String detail) {
        messages.addAttempt(m.id, attempt, round, at, outcome, detail);
    }
}
