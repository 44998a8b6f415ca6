package org.ownersvote.notification.rest.dto;

import java.util.List;
import java.util.Map;

import org.ownersvote.notification.service.MessageLog;

/** One page of an election's messages, newest first, with the number of messages in each state (all pages). */
public record MessagePage(List<MessageView> items, int page, int size, long total, Map<String, Long> byStatus) {

    public static MessagePage of(MessageLog.Listing listing) {
        return new MessagePage(listing.items().stream().map(m -> MessageView.of(m, null)).toList(), listing.page(),
                listing.size(), listing.total(), listing.byStatus());
    }
}
