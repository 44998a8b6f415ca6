package org.ownersvote.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ownersvote.notification.Message;
import org.ownersvote.notification.config.MessagesConfig;
import org.ownersvote.notification.domain.Outcome;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;

/**
 * Email over SMTP (Quarkus Mailer; server in quarkus.mailer.*). SMTP has no request id, so an interrupted send is
 * not repeated by itself; a 5xx reply is permanent, anything else (server down, 4xx) is tried again.
 */
@ApplicationScoped
public class EmailChannel implements MessageChannel {

    @Inject
    MessagesConfig config;

    @Inject
    Mailer mailer;

    @Override
    public Message.Channel channel() {
        return Message.Channel.EMAIL;
    }

    @Override
    public boolean enabled() {
        return config.email().enabled();
    }

    @Override
    public boolean deduplicatesRequests() {
        return false;
    }

    @Override
    public Outcome send(Message message) {
        try {
            mailer.send(Mail.withText(message.address, message.subject, message.body)
                    .addHeader("Message-ID", "<" + message.requestId().replace(':', '.') + "@ownersvote>"));
            return Outcome.delivered(null);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SMTPException smtp && smtp.isPermanent()) {
                    return Outcome.permanent("SMTP " + smtp.getReplyCode() + " " + smtp.getReplyMessage());
                }
            }
            return Outcome.retry("SMTP: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
