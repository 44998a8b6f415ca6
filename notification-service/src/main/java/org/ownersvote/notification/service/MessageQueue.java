package org.ownersvote.notification.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.events.election.ContactsChunk;
import org.ownersvote.notification.Message;
import org.ownersvote.notification.NoticeElection;
import org.ownersvote.notification.channel.MessageChannel;
import org.ownersvote.notification.config.MessagesConfig;
import org.ownersvote.notification.repository.MessageRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Puts messages in the queue the dispatcher sends from. Each message has a key made of what it is about (an event
 * id, or a campaign and its date), the channel, the recipient and the address; a second request for the same key
 * is ignored, so a redelivered event or a campaign run twice sends nobody anything twice.
 */
@ApplicationScoped
public class MessageQueue {

    @Inject
    MessageRepository messages;

    @Inject
    ContactBook contacts;

    @Inject
    Recipients recipients;

    @Inject
    MessageTexts texts;

    @Inject
    MessagesConfig config;

    @Inject
    MessageClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<MessageChannel> channels;

    /**
     * A message to each owner the filter selects: by SMS to the roster's phone (not in drills: a drill's roster is
     * real owners, who must not be texted for a rehearsal) and by email to addresses the working group registered.
     *
     * @param params the template's parameters; each owner's message adds {@code unit}
     * @return the number of messages queued
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int toOwners(NoticeElection election, Message.Purpose purpose, String about, Map<String, String> params,
            BiPredicate<String, String> who) {
        int queued = 0;
        if (enabled(Message.Channel.SMS) && !election.drill) {
            for (ContactsChunk.Contact c : contacts.current(election.id)) {
                if (c.phone() != null && who.test(c.building(), c.unit())) {
                    queued += queue(election, purpose, about, Message.Channel.SMS, unitName(c.building(), c.unit()),
                            c.phone(), withUnit(params, c.building(), c.unit()));
                }
            }
        }
        if (enabled(Message.Channel.EMAIL)) {
            for (Recipients.OwnerEmail e : recipients.ownerEmails(election.id)) {
                if (who.test(e.building(), e.unit())) {
                    queued += queue(election, purpose, about, Message.Channel.EMAIL, unitName(e.building(), e.unit()),
                            e.email(), withUnit(params, e.building(), e.unit()));
                }
            }
        }
        return queued;
    }

    /** One message to each owners' group of the election. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int toGroups(NoticeElection election, Message.Purpose purpose, String about, Map<String, String> params) {
        int queued = 0;
        if (enabled(Message.Channel.WECOM)) {
            for (Recipients.Group g : recipients.groups(election.id)) {
                queued += queue(election, purpose, about, Message.Channel.WECOM, g.name(), g.name(),
                        withUnit(params, "", "全体业主"));
            }
        }
        return queued;
    }

    /** A message to one building leader, by SMS and by email where the leader gave them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int toLeader(NoticeElection election, Message.Purpose purpose, String about, Recipients.Leader leader,
            Map<String, String> params) {
        int queued = 0;
        if (leader.phone() != null && enabled(Message.Channel.SMS)) {
            queued += queue(election, purpose, about, Message.Channel.SMS, leader.name(), leader.phone(), params);
        }
        if (leader.email() != null && enabled(Message.Channel.EMAIL)) {
            queued += queue(election, purpose, about, Message.Channel.EMAIL, leader.name(), leader.email(), params);
        }
        return queued;
    }

    public static String unitName(String building, String unit) {
        return building.isEmpty() ? unit : building + " " + unit;
    }

    private boolean enabled(Message.Channel channel) {
        return channels.stream().anyMatch(c -> c.channel() == channel && c.enabled());
    }

    private static Map<String, String> withUnit(Map<String, String> params, String building, String unit) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("unit", unitName(building, unit));
        return all;
    }

    private int queue(NoticeElection election, Message.Purpose purpose, String about, Message.Channel channel,
            String recipient, String address, Map<String, String> params) {
        MessageTexts.Text text = texts.render(purpose, election.drill, params);
        Instant now = clock.now();
        String templateId = channel == Message.Channel.SMS
                ? config.sms().templates().getOrDefault(purpose, "OV_" + purpose.name())
                : purpose.name();
        return messages.queue(UUID.randomUUID(), election.id, election.communityId, purpose, channel, recipient,
                address, templateId, toJson(params), text.subject(), text.body(),
                String.join("|", about, channel.name(), recipient, address), now);
    }

    private String toJson(Map<String, String> params) {
        try {
            return json.writeValueAsString(new HashMap<>(params));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("message parameters not writable as JSON", e);
        }
    }
}
